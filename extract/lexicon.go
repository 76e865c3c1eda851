package extract

import "strings"

// set builds a lookup table from space-separated words.
func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// capStop are words that are capitalised at the start of a sentence or in
// headlines but never start a name.
var capStop = set(`the a an het een this that these those it its in on at for from with by of and but or as after before since while when
today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr read more related also
according meanwhile however additionally other others why what how who notably details key here there we our i he she they their
his her you your is was will has have last all some many most both each every dear hello welcome week earlier late later founded launched based headquartered mas pero aber well i’d i'd i’m i'm we’re we're enfin ainsi además außerdem zudem auch finally
summary update updated breaking exclusive watch video photo see veja leia mais plus then thus so if not no yes now just still even
only about over under into out up down than per via vs etc el la los las un una o os um uma le les une der die das ein eine den dem
des im am zum zur mit und für auf bei nach hoje por com em na nos nas do da dos pela pelo para sur avec dans pour par au aux en y e et
ou que qui nel nella nello il lo gli della dello con per tra fra wie wer dass sources source click subscribe share tweet email print advertisement sponsored quelle exit deal deals funding
round seed series ipo investment investors investor startup startups start-up start-ups company companies firm firms shares stock stocks`)

// generic are capitalised descriptors that may precede a name in a headline
// ("Fintech Smava", "Edtech unicorn Eruditus").
var generic = set(`nasdaq nyse lse bse nse tsx asx sec hkex euronext reuters bloomberg techcrunch crunchbase pitchbook dealroom
vc fintech fintechs edtech biotech medtech insurtech proptech healthtech cleantech agtech foodtech unicorn scale-up scaleup
spin-off spinout chipmaker miner`)

// titles end a run: "Mono CEO Abubakar" is about Mono.
var titles = set(`ceo cfo cto coo cmo founder co-founder cofounder chairman chairwoman chair president md director head partner`)

// descriptorHeads are nouns after which the next word is a name even when it
// is written in lower case ("lending platform iwoca").
var descriptorHeads = set(`startup start-up company firm platform provider scale-up scaleup maker developer unicorn spin-off spinout brand label chain
operator fintech insurtech proptech edtech biotech medtech lender specialist chipmaker miner retailer marketplace
empresa startup société unternehmen plattform fintech spécialiste fabricant éditeur pionnier acteur`)

// gapWords may stand between a subject and its verb: "Acme (NASDAQ: AC)
// said on Monday that it has now raised".
var gapWords = set(`has have had is was were are will foi foram é fue ha sido è stata stato also now just successfully recently today yesterday officially finally reportedly
announced announces announcing said says confirmed confirms revealed reveals disclosed that it it's they which who on this week month
has been been already further additionally first formally quietly hat ha já que a est hoy hoje heute jetzt
monday tuesday wednesday thursday friday saturday sunday last late early earlier unveiled unveils wurde both mehrheitlich vollständig hatte informó anunció afirmó dijo informou anunciou annonce
been`)

// anaphors stand for the article's company: "The company raised".
var anaphors = set(`company startup start-up firm business group empresa unternehmen société startup-up lender platform
chipmaker maker developer operator pousse entreprise compañía companhia firma gesellschaft scale-up scaleup società azienda bedrijf`)

// Trigger classes.
const (
	tRaise    = iota + 1 // the subject receives money: "raises", "secures"
	tRound               // a round noun: "funding", "Series A"
	tAcquire             // the subject buys the object: "acquires"
	tAcqNoun             // "acquisition of X"
	tSold                // the subject is bought: "sold to", "acquired by"
	tInvest              // the subject puts money into the object: "invests in"
	tCommit              // a spending commitment noun after an amount: "$1bn investment"
	tFund                // a fund noun
	tDebt                // loans, facilities, notes, bonds
	tGrant               // grants, prizes, programme awards
	tIPO                 // an initial public offering
	tOffering            // other capital raises by listed companies
	tWeak                // "deals": only enables "Name $X" lists
	tSell                // the subject sells the object to a buyer: "sold X to Y"
)

// trigger is a phrase that signals a deal.
type trigger struct {
	words []string
	class int
}

// triggers, matched on lower-cased word tokens, indexed by first word;
// longer phrases first.
var triggers = buildTriggers(map[int]string{
	tRaise: `raise|raises|raised|raising|secure|secures|secured|securing|closes|closed|close|closing|lands|landed|bags|bagged|nabs|nabbed|
snags|snagged|gets|got|receives|received|receive|will receive|obtains|obtained|attracts|attracted|pulls in|picked up|picks up|
found donors|found investors|found backers|won backing|gained backing|completes|completed|gathers|scores|scored|wins|won|nets|netted|clinches|clinched|rakes in|raked in|hauls in|
hauled in|pockets|pocketed|grabs|grabbed|notches|collects|collected|draws|drew|has been granted|was granted|granted|issued|issues|emitiu|emitiram|emite|benefit from|benefits from|approved for|recommended for|selected for|
selected to receive|has been awarded|was awarded|were awarded|were each awarded|each awarded|were granted|have been awarded|levanta|levantou|levantó|levantado|a souscrit|souscrit|recibe|recibió|ha recibido|recibido|había recibido|había captado|captado|ha chiuso|chiuso|ha raccolto|aveva raccolto|ha ottenuto|ottenuto|ottiene|haalt op|heeft opgehaald|ontvangt|heeft ontvangen|ha levantado|había levantado|capta|captou|captó|ha captado|ha obtenido|obtuvo|obtenido|a obtenu|obtenu|avait obtenu|a bouclé|avait levé|a levé|recebe|recebeu|sammelt|eingesammelt|erhält|erhalten|erhielt|
sichert|gesichert|schließt|abgeschlossen|raccoglie|raccolto|chiude|incassa|haalt|opgehaald|lève|lèvent|levé|boucle|bouclé|bouclée|recauda|recaudó|consigue|obtiene|cierra|cerró|融资|完成|調達|获得`,
	tRound: `seed|led by|co-led by|funding|fundraise|fundraising|funding round|financing round|financing|round|investment round|seed round|seed funding|pre-seed|series a|series b|
series c|series d|series e|series f|series g|series h|capital injection|venture capital|venture funding|equity funding|growth round|
bridge round|rodada|rodada de investimento|aporte|finanzierungsrunde|finanzierung|series-a-finanzierung|seed-finanzierung|levée|
levée de fonds|tour de table|ronda|finanziamento|aumento di capitale|financieringsronde|investeringsronde|ronda de financiación|investimento|investissement|inversión|融资|轮融资`,
	tAcquire: `acquire|acquires|acquired|acquiring|to acquire|buys|bought|buy|purchase|purchases|purchased|purchasing|takes over|took over|
snaps up|snapped up|übernimmt|übernommen|kauft|gekauft|rachète|racheté|acquiert|adquire|adquiriu|compra|comprou|adquiere|adquirió|erwirbt|erworben|rileva|rilevare|ha rilevato|acquisisce|ha acquisito|acquista|ha acquistato|neemt over|overgenomen|ha adquirido|adquirido|a acquis|a racheté|收购|買収`,
	tAcqNoun: `acquisition|purchase of|takeover|buyout|übernahme|rachat|aquisição|adquisición`,
	tSold: `sold to|acquired by|bought by|taken over by|verkauft|vendida para|vendido para|vendu à|vendue à|racheté par|rachetée par|
adquirida por|adquirido por|adquirida pelo|adquirida pela|adquirido pelo|adquirido pela|übernommen von`,
	tInvest: `invest|invests|invested|investing|poured|pours|pumped|pumps|injected|injects|to invest|will invest|investiert|investe|investiu|aplicou|aplica|investit|invierte|invirtió|investir|va investir|allait investir|invertirá|invertir|investirá|investieren|wird investieren`,
	tCommit: `investment|project|plan|commitment|programme|program|initiative|expansion`,
	tFund:   `fund|fonds|fundo|fondo|vehicle|first close|final close|first closing|final closing`,
	tDebt: `loan|loans|term loan|credit facility|facility|debt|debt financing|venture debt|notes|senior notes|convertible notes|bond|
bonds|convertible|credit line|project financing|project finance|line of credit|dívida|dívidas|kredit|darlehen|prêt|préstamo|préstamo participativo|brückendarlehen|bankdarlehen|förderdarlehen|kreditlinie|innovatiekrediet|krediet|lening|equipment financing|equipment loan|debêntures|debentures|debenture|bonos|anleihe|anleihen|obligations convertibles|crédit syndiqué|crédit|emprunt|línea de crédito|linha de crédito|ligne de crédit|financement bancaire|borrowing`,
	tGrant: `grant|grants|prize|award|awarded|subsidy|non-dilutive|eu funding|förderung|fördermittel|subvention|blended finance|
eic accelerator|horizon europe|förderbeitrag|fördergelder|subvención|subvencion|subsídio|zuschuss|non-repayable contribution|non-repayable|grant funding`,
	tIPO: `ipo|initial public offering|went public|goes public|listing|listed on|debuted on|began trading|börsengang|oferta pública inicial|introduction en bourse`,
	tOffering: `public offering|follow-on offering|registered direct|registered direct offering|private placement|backstop|warrants|
rights issue|share placement|placement|treasury`,
	tWeak: `deals|deal|rounds|investments|exits`,
	tSell: `sell|sells|sold|selling|to sell|dump|dumps|dumped|liquidates|liquidated|divest|divests|divested|offload|offloads|offloaded|verkauft|vend|vende|vendió|vendeu`,
})

func buildTriggers(m map[int]string) map[string][]trigger {
	var out []trigger
	for class, list := range m {
		for _, p := range strings.Split(strings.ReplaceAll(list, "\n", ""), "|") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, trigger{strings.Fields(p), class})
			}
		}
	}
	// Longest first, then by class for a stable order.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && (len(out[j].words) > len(out[j-1].words) || len(out[j].words) == len(out[j-1].words) && out[j].class < out[j-1].class); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	idx := map[string][]trigger{}
	for _, t := range out {
		idx[t.words[0]] = append(idx[t.words[0]], t)
	}
	return idx
}

// blockers make a whole sentence hypothetical: plans, talks, rumours.
var blockers = phrases(`is raising|are raising|is currently raising|drhp|draft red herring|filed its draft|files draft|prospectus|gespräche|gesprächen|verhandlungen|verhandelt|erwägt|prüft|en négociation|négocie|negociaciones|negocia|trattative|expect|expects|expected|anticipate|anticipated|next year|later this year|in the coming|plans to|plan to|planning to|predict|predicts|forecast|forecasts|is planning|are planning|planned|in talks|talks to|talks with|seeking|seeks to|
seek to|looking to|aims to|aiming to|would|could|might|may raise|considering|rumor|rumour|rumored|rumoured|expected to|expects to|
intends to|intention|targeting|hopes to|hoping to|proposed|potential|possible|weighing|exploring|filed for|files for|preparing to|
prepares to|set out to|terminated|called off|scrapped|abandoned|did not|didn't|has not|hasn't|won't|will not|geplatzt|pretende|
planeja|negocia|envisage|en discussions|in gesprächen|prevé|podría|poderia|would make|if approved|subject to approval`)

// breakdowns describe the parts of a deal already told: "the facility is
// comprised of a $6.5 million revolver and a $10 million term loan".
var breakdowns = phrases(`comprised of|is comprised|consists of|consisting of|made up of|breaks down|broken down|split into`)

// cancelled words anywhere in a sentence undo its deal.
var cancelled = phrases(`terminated|terminate|terminates|terminating|ends|scraps|called off|scrapped|abandoned|collapsed|fell through|was blocked|were blocked|cancelled|canceled|
fell apart|walked away|geplatzt|annulé|cancelado|cancelada`)

// aggregates mark running totals near an amount.
var aggregates = phrases(`to date|so far|in total|desde a fundação|desde sua fundação|desde su fundación|depuis sa création|seit der gründung|seit gründung|in the first quarter|in the second quarter|in the third quarter|in the fourth quarter|in the first half|in the second half|in q1|in q2|in q3|in q4|in h1|in h2|year over year|year-on-year|bringing the round to|taking the round to|bringing its series|bringing the fund to|taking the fund to|bringing it to|over the past|over the last|in the past|during the past|no total|altogether|cumulative|cumulatively|over the years|since its founding|
since inception|since it was founded|since it was established|since being founded|since founding|since its creation|since launch|since its launch|total funding|bringing its total|bringing the total|brings its total|brings the total|
total|total of|totalise|totalisent|totaliza|across|rounds totaling|rounds , totaling|rounds totalling|rounds , totalling|deals totaling|
deals , totaling|deals worth|rounds worth|combined|em sete|até hoje|bis heute|au total|en total|insgesamt bisher`)

// nonDeal words near an amount make it a valuation, revenue, price or size.
var nonDealBefore = phrases(`valuation|valuation of|valued|valuing|values|value of|enterprise value|equity value|avaliada|avaliado|bewertet|bewertung|valorisation|valorisée|
revenue|revenues|sales|turnover|income|profit|profits|loss|losses|earnings|arr|gmv|salary|salaries|price|priced|market|
market cap|capitalisation|capitalization|aum|assets|guidance|forecast|estimate|estimates|expectations|compared|payroll|fine|
fined|penalty|settlement|settle|lawsuit|damages|budget|from its own|from its balance|from its cash|from its treasury|out of its|through its|via its|contract worth|contract valued|buyback|repurchase|spending|spent|exports|imports|debt of|worth of|receita|faturamento|umsatz|ricavi|fatturato|premi|
chiffre|ingresos|facturación|lost|grew|fell|rose|jumped|declined|gained|compared to|up from|down from|increase from|
grew from|rose from|previous|preceding|contracted|
potential|record|average|median|mean|moyenne|médiane|stood|stood at|high of|low of|closed at|opened at|trading at|use|using|spend|
allocate|earmarked|fees|fee|commission|commissions|reached|totaled|totalled|amounted to|cheques of|checks of|tickets of|between|expenditure|expenditures|capex|upsized from|increased from|from an initial|initially`)

var nonDealAfter = phrases(`from anchor investors|from anchor|target|targeted|hard cap|in a future|in future|for a future|contract|contracts|order|orders|deal to supply|supply deal|supply agreement|lease|
settlement|to settle|in damages|fine|penalty|buyback|share buyback|repurchase|in dividends|dividend|bonus|in bonuses|in salary|
in sales|in orders|in bookings|of the proceeds|of proceeds|of its proceeds|valuation|in revenue|revenue|in sales|in annual|market|in assets|under management|in contracted|in
arr|in gmv|a year|per year|annually|in losses|loss|in profit|in market|of revenue|in deals|in funding across|across|in exports|
in value|worth of|de receita|de faturamento|umsatz|de chiffre|bewertung|bewertet`)

// phrase is a lower-case word sequence.
type phrase []string

// phraseSet indexes phrases by their first word.
type phraseSet map[string][]phrase

func phrases(list string) phraseSet {
	out := phraseSet{}
	for _, p := range strings.Split(strings.ReplaceAll(list, "\n", ""), "|") {
		if f := strings.Fields(p); len(f) > 0 {
			out[f[0]] = append(out[f[0]], f)
		}
	}
	return out
}

// hasPhraseAt reports whether toks[k:] starts with p.
func hasPhraseAt(toks []token, k int, p []string) bool {
	if k+len(p) > len(toks) {
		return false
	}
	for i, w := range p {
		if toks[k+i].lower != w {
			return false
		}
	}
	return true
}

// findPhrase returns the first token index in [from, to) where one of ps
// starts, or -1.
func findPhrase(toks []token, from, to int, ps phraseSet) int {
	from, to = max(from, 0), min(to, len(toks))
	for k := from; k < to; k++ {
		for _, p := range ps[toks[k].lower] {
			if hasPhraseAt(toks, k, p) {
				return k
			}
		}
	}
	return -1
}

// investorCue introduces a list of investors; lead marks leaders.
type investorCue struct {
	p    phrase
	lead bool
}

// investorCues are indexed by their first word.
var investorCues = map[string][]investorCue{}

func init() {
	for _, s := range strings.Split(`led by|co-led by|jointly led by|coled by|lead investor is|lead investors are|coliderada pela|coliderada por|
liderada por|liderada pela|geleid door|wordt geleid door|guidato da|guidata da|onder leiding van|liderado por|liderado pela|mené par|menée par|angeführt von|angeführt wurde die runde von|angeführt wird die runde von|led the round|
co-led the round|led the investment|leads the round|lead :|leads :|led|co-led`, "|") {
		p := strings.Fields(strings.TrimSpace(s))
		investorCues[p[0]] = append(investorCues[p[0]], investorCue{p, true})
	}
	for _, s := range strings.Split(`with participation from|with participation of|participation from|participation of|with participation by|
from investors including|from investors|from|by|von|bij|including|participated|also participated|joined|investors include|investors including|backed by|invested by|provided by|
com participação da|com participação de|com participação do|com participação dos|feito pelo|feito pela|feita pelo|feita pela|
auprès de|auprès d'|avec la participation de|aux côtés de|aux côtés d'|zum investorenkreis zählen u.a .|zum investorenkreis zählen|geld kam nun vom|geld kam von|
beteiligt sind|mit beteiligung von|con la participación de|met deelname van|con la partecipazione di|con la partecipazione della|con la partecipazione del|sottoscritto da|de parte de|alongside|investors :|backers :|also in :|along with|joined by|
sold to|acquired by|ont participé|ont tous participé|participé|participaram|participaron|beteiligten sich|beteiligte sich|beteiligen sich|beteiligt sich|also participate|
took part|taking part|also taking part|joining|also joining|participating|also participating|also investing|commitments came from|came from|
commitments from|limited partners include|limited partners included|participação da|participação de|participação do|a participação da|
beteiligt haben sich|beteiligt hat sich|beteiligt sich auch`, "|") {
		p := strings.Fields(strings.TrimSpace(s))
		investorCues[p[0]] = append(investorCues[p[0]], investorCue{p, false})
	}
}
