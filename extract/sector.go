package extract

import "strings"

// sectorCues are the words that place a deal in a sector of pulse.Sectors;
// docs/taxonomy.md documents them. Earlier sectors win ties.
var sectorCues = []struct {
	slug string
	cues []string
}{
	{"crypto_mining", []string{"bitcoin miner", "bitcoin mining", "crypto mining", "mining rigs", "hashrate"}},
	{"data_centers", []string{"data center", "data centre", "data centers", "data centres", "datacenter", "gpu cloud", "compute capacity", "hpc", "ai factory", "ai factories", "colocation", "hyperscale"}},
	{"photonics", []string{"photonic", "photonics", "optical interconnect", "optical i/o", "silicon photonics", "lasers", "optical"}},
	{"memory", []string{"memory", "storage", "dram", "hbm", "nand", "ssd"}},
	{"chips", []string{"chip", "chips", "semiconductor", "semiconductors", "silicon", "fabless", "chipmaker", "asic", "gpu", "processor", "neuromorphic"}},
	{"testing", []string{"testing", "validation", "test and measurement", "verification"}},
	{"design_automation", []string{"eda", "design automation", "pcb design", "chip design", "silicon development"}},
	{"security", []string{"security", "cybersecurity", "cyber", "vulnerability", "identity", "fraud", "encryption", "zero trust"}},
	{"data_infrastructure", []string{"data infrastructure", "database", "data platform", "data pipeline", "analytics", "open banking infrastructure", "data labelling", "data management"}},
	{"energy", []string{"energy", "power", "renewable", "solar", "wind", "battery", "batteries", "grid", "nuclear", "hydrogen", "climate", "electricity"}},
	{"cloud", []string{"cloud", "networking", "saas", "software-as-a-service", "edge computing", "5g", "telecom", "iot", "internet of things"}},
	{"robotics", []string{"robot", "robotics", "robotic", "drone", "drones", "autonomous", "hardware", "mobility", "electric vehicle", "ev "}},
	{"fintech", []string{"fintech", "payments", "payment", "banking", "neobank", "lending platform", "insurtech", "insurance", "digital asset", "crypto", "neobank", "wallet", "salary advance", "adiantamento de salário", "remittance", "wealthtech", "wealth management"}},
	{"health", []string{"health", "biotech", "medtech", "medical", "pharma", "biopharmaceutical", "diagnostics", "therapeutics", "clinical", "patient", "drug", "hospital", "genomics", "diabetic", "rehabilitation", "therapy", "therapies", "gene", "disease", "disorders", "vaccine", "biotech", "medicine", "biologisch", "mikroorganismen"}},
	{"models", []string{"artificial intelligence", " ai ", "ai-", "machine learning", "llm", "foundation model", "generative", "chatbot", "ki-"}},
}

// countCues counts every sector cue in the opening of a document, once per
// document rather than once per deal.
func countCues(text string) map[string]int {
	d := " " + strings.ToLower(strings.ToValidUTF8(text[:min(len(text), 1200)], "")) + " "
	out := map[string]int{}
	for _, sc := range sectorCues {
		for _, c := range sc.cues {
			if n := strings.Count(d, c); n > 0 {
				out[c] = n
			}
		}
	}
	return out
}

// sectorOf picks the sector whose cues occur most often in the deal's
// sentence (each hit counted four times), its line (twice) and the opening
// of the document (once); "other" when none do.
func sectorOf(text string, para, sent Span, docCues map[string]int) (string, Span) {
	s := " " + strings.ToLower(text[sent.Start:sent.End]) + " "
	p := " " + strings.ToLower(text[para.Start:para.End]) + " "
	// Offsets in the lower-cased copy are the text's only when lower-casing
	// kept every byte length (it does not for some letters and for invalid
	// UTF-8); otherwise the cue is named without a span.
	sameLen := len(p) == para.End-para.Start+2
	best, bestScore := "other", 0
	var at Span
	for _, sc := range sectorCues {
		score := 0
		var first Span
		for _, c := range sc.cues {
			n := strings.Count(s, c)*4 + strings.Count(p, c)*2 + docCues[c]
			if n > 0 && first.End == 0 && sameLen {
				if i := strings.Index(p, c); i >= 0 {
					st := para.Start + max(i-1, 0)
					first = Span{st, min(st+len(strings.TrimSpace(c)), len(text))}
				}
			}
			score += n
		}
		if score > bestScore {
			best, bestScore, at = sc.slug, score, first
		}
	}
	return best, at
}
