package article

import (
	"math/bits"
	"strings"
	"testing"
)

// dupPair is one calibration pair for NearDuplicate; the texts are written
// for this test (fictional companies).
type dupPair struct {
	name           string
	aTitle, aText  string
	bTitle, bText  string
	wantDuplicates bool
}

var dupPairs = []dupPair{
	{
		name:   "same story, two outlets",
		aTitle: "Kestrel Compute raises $120 million to build liquid-cooled AI data centers in Texas",
		aText: `Kestrel Compute, an Austin-based operator of GPU data centers, has raised $120 million in a Series B round led by Ridgeway Capital, the company said on Tuesday.
Existing investors Harbor Lane Ventures and Tallow Partners also took part in the round, which values the company at about $900 million.
Kestrel will use the money to build two liquid-cooled facilities near Abilene, Texas, with a combined 180 megawatts of capacity for AI training workloads.
The company was founded in 2022 by former bitcoin miners and converted its first mining site to host Nvidia H200 clusters last year.
"Demand for dense, efficient compute has outrun anything we planned for," chief executive Dana Whitcombe said in a statement.`,
		bTitle: "Texas AI data center startup Kestrel Compute lands $120M Series B led by Ridgeway",
		bText: `Kestrel Compute has raised $120 million in a Series B round led by Ridgeway Capital, the Austin-based company said on Tuesday.
The round, which values Kestrel at about $900 million, also drew Harbor Lane Ventures and Tallow Partners, both existing backers.
The startup, founded in 2022 by former bitcoin miners, plans to build two liquid-cooled facilities near Abilene, Texas, adding 180 megawatts of capacity for AI training.
Kestrel converted its first mining site to host Nvidia H200 clusters last year.
Chief executive Dana Whitcombe said demand for dense, efficient compute has outrun anything the company planned for.`,
		wantDuplicates: true,
	},
	{
		name:   "syndicated copy with an added paragraph",
		aTitle: "Lumora Photonics closes $45M round for optical interconnects",
		aText: `Lumora Photonics, a maker of optical interconnects for AI clusters, said it closed a $45 million Series A round led by Northgate Ventures.
The Eindhoven company will use the funds to expand production of its co-packaged optics modules and hire 60 engineers over the next year.
Lumora says its chips cut the power needed to move data between GPUs by more than half compared with copper links.
The round included participation from Aster Fund and the regional development bank of Brabant.`,
		bTitle: "Lumora Photonics closes $45M round for optical interconnects",
		bText: `Lumora Photonics, a maker of optical interconnects for AI clusters, said it closed a $45 million Series A round led by Northgate Ventures.
The Eindhoven company will use the funds to expand production of its co-packaged optics modules and hire 60 engineers over the next year.
Lumora says its chips cut the power needed to move data between GPUs by more than half compared with copper links.
The round included participation from Aster Fund and the regional development bank of Brabant.
This article was originally published by our partner site and is republished with permission.`,
		wantDuplicates: true,
	},
	{
		name:   "same story, headline rewritten, body lightly edited",
		aTitle: "Brightwater Mining to convert Quebec site into 90MW AI hosting campus",
		aText: `Brightwater Mining said on Monday it will convert its Quebec bitcoin mining site into a 90-megawatt campus for AI and high-performance computing customers.
The miner signed a ten-year hosting agreement with cloud provider Veridian Cloud worth about $1.1 billion in contracted revenue.
Brightwater will fund the conversion with a $300 million loan from Caldera Credit Partners.
Its shares rose 14 percent in early trading after the announcement.`,
		bTitle: "Brightwater signs $1.1B AI hosting deal, converts Quebec bitcoin mine",
		bText: `Brightwater Mining said Monday it will convert its Quebec bitcoin mining site into a 90-megawatt campus for AI and high-performance computing customers.
The company signed a ten-year hosting agreement with Veridian Cloud worth about $1.1 billion in contracted revenue.
Brightwater plans to fund the conversion with a $300 million loan from Caldera Credit Partners.
Shares rose 14 percent in early trading.`,
		wantDuplicates: true,
	},
	{
		name:   "different deals, one newsletter template",
		aTitle: "Kestrel Compute raises $120 million Series B led by Ridgeway Capital",
		aText: `Kestrel Compute has raised $120 million in a Series B round led by Ridgeway Capital, according to a company announcement.
The company builds liquid-cooled GPU data centers in Texas.
Other investors in the round include Harbor Lane Ventures and Tallow Partners.
The funding will be used to expand capacity and hire staff.
Subscribe to our newsletter for more funding news every week.`,
		bTitle: "Orbitra Systems raises $35 million Series A led by Fenwick Growth",
		bText: `Orbitra Systems has raised $35 million in a Series A round led by Fenwick Growth, according to a company announcement.
The company makes radiation-hardened chips for satellites.
Other investors in the round include Pine Hollow Capital and Sable Ventures.
The funding will be used to expand capacity and hire staff.
Subscribe to our newsletter for more funding news every week.`,
		wantDuplicates: false,
	},
	{
		name:   "different deals, same investor and same sector",
		aTitle: "Ridgeway Capital leads $80M round in Vantor Cooling",
		aText: `Vantor Cooling, which makes immersion cooling tanks for AI servers, raised $80 million in a round led by Ridgeway Capital.
The Denver company says its tanks let data centers pack three times more GPUs into the same floor space.
Vantor will open a second factory in Colorado next year.`,
		bTitle: "Ridgeway Capital leads $60M round in Helix Grid",
		bText: `Helix Grid, a developer of on-site gas turbines for data centers, raised $60 million in a round led by Ridgeway Capital.
The Houston startup sells power to AI campuses that cannot wait years for a utility connection.
Helix plans to deploy 400 megawatts of generation by 2028.`,
		wantDuplicates: false,
	},
	{
		name:   "same company, two different rounds a year apart",
		aTitle: "Kestrel Compute raises $40 million Series A",
		aText: `Kestrel Compute raised $40 million in a Series A led by Harbor Lane Ventures to convert its first bitcoin mining site in West Texas to AI hosting.
The company has 20 employees and plans to triple headcount.`,
		bTitle: "Kestrel Compute raises $120 million Series B",
		bText: `Kestrel Compute raised $120 million in a Series B led by Ridgeway Capital to build two liquid-cooled campuses near Abilene.
The company now employs 140 people and has contracts with three AI labs.`,
		wantDuplicates: false,
	},
	{
		name:   "same story, amounts written differently",
		aTitle: "Caldera Credit provides $1.5 billion debt facility to Northwind AI Cloud",
		aText: `Northwind AI Cloud has secured a $1.5 billion debt facility from Caldera Credit Partners to buy Nvidia GPUs for its Oregon and Nevada data centers.
The financing is secured by the hardware and by customer contracts with two large AI labs, the company said.
Northwind, which started as an ethereum miner, now operates 38,000 GPUs and expects to double that by the end of next year.
The facility is the largest GPU-backed loan in the company's history.`,
		bTitle: "Northwind AI Cloud secures $1.5B GPU-backed loan from Caldera",
		bText: `Former ethereum miner Northwind AI Cloud said it has secured $1.5 billion in debt financing from Caldera Credit Partners.
The loan, backed by the GPUs themselves and by contracts with two large AI labs, will fund chip purchases for data centers in Oregon and Nevada.
Northwind operates about 38,000 GPUs today and aims to double its fleet by the end of next year.`,
		wantDuplicates: true,
	},
	{
		name:   "different deals, same template and same amount",
		aTitle: "Quillon Robotics raises $20 million seed round",
		aText: `Quillon Robotics has raised $20 million in a seed round, the company announced today.
The round was led by Sable Ventures with participation from angel investors.
Quillon builds warehouse robots.
The company plans to use the funds to grow its team and expand into new markets.`,
		bTitle: "Tessary Bio raises $20 million seed round",
		bText: `Tessary Bio has raised $20 million in a seed round, the company announced today.
The round was led by Pine Hollow Capital with participation from angel investors.
Tessary develops enzyme therapies.
The company plans to use the funds to grow its team and expand into new markets.`,
		wantDuplicates: false,
	},
}

func TestNearDuplicateCalibration(t *testing.T) {
	for _, p := range dupPairs {
		t.Run(p.name, func(t *testing.T) {
			a, b := SimHash(p.aText), SimHash(p.bText)
			d := bits.OnesCount64(a ^ b)
			j := TitleSimilarity(p.aTitle, p.bTitle)
			t.Logf("hamming=%d title_jaccard=%.2f", d, j)
			if got := NearDuplicate(a, b, p.aTitle, p.bTitle); got != p.wantDuplicates {
				t.Fatalf("NearDuplicate = %v, want %v (hamming %d, title jaccard %.2f)", got, p.wantDuplicates, d, j)
			}
		})
	}
}

func TestSimHash(t *testing.T) {
	text := dupPairs[0].aText
	if SimHash(text) != SimHash(strings.ToUpper(text)) {
		t.Error("SimHash depends on case")
	}
	if SimHash(text) != SimHash(strings.Join(strings.Fields(text), "  ")) {
		t.Error("SimHash depends on whitespace")
	}
	if SimHash("") != 0 {
		t.Error("SimHash of empty text is not 0")
	}
	if SimHash("one two") == 0 {
		t.Error("SimHash of a short text is 0")
	}
}

func TestContentHash(t *testing.T) {
	a := ContentHash("Kestrel raises $120M.\n\nMore  text here.")
	if b := ContentHash("  kestrel RAISES $120M. More text\there. "); a != b {
		t.Errorf("hash differs for case/whitespace changes: %s vs %s", a, b)
	}
	if b := ContentHash("Kestrel raises $121M. More text here."); a == b {
		t.Error("hash equal for different text")
	}
	if len(a) != 64 {
		t.Errorf("hash %q is not sha256 hex", a)
	}
}

func TestIdentityHash(t *testing.T) {
	byGUID := IdentityHash("tag:example.com,2026:1", "https://example.com/a", "T", "x")
	if byGUID != IdentityHash("tag:example.com,2026:1", "https://other.example/b", "Other", "y") {
		t.Error("GUID does not decide identity")
	}
	byURL := IdentityHash("", "https://Example.com/a?utm_source=x", "T", "x")
	if byURL != IdentityHash(" ", "https://example.com/a", "Other", "y") {
		t.Error("canonical URL does not decide identity without a GUID")
	}
	byText := IdentityHash("", "", "Title", "Some  text")
	if byText != IdentityHash("", "", "title", "some text") {
		t.Error("title+text identity not normalised")
	}
	if byText == IdentityHash("", "", "Title", "Other text") {
		t.Error("different text, same identity")
	}
	if IdentityHash("https://example.com/a", "", "", "") == IdentityHash("", "https://example.com/a", "", "") {
		t.Error("a GUID equal to a URL collides with the URL identity")
	}
}
