package pulse

// Sector is one entry of the sector taxonomy; Slug is stored, Label shown.
type Sector struct {
	Slug  string `json:"slug"`
	Label string `json:"label"`
}

// Sectors is the sector taxonomy, documented in docs/taxonomy.md.
var Sectors = []Sector{
	{"data_centers", "Data centers and compute"},
	{"chips", "Chips and semiconductors"},
	{"photonics", "Photonics and interconnects"},
	{"memory", "Memory and storage"},
	{"security", "Security"},
	{"testing", "Testing and validation"},
	{"design_automation", "Design automation"},
	{"data_infrastructure", "Data infrastructure"},
	{"models", "AI models and applications"},
	{"energy", "Energy and power"},
	{"crypto_mining", "Crypto mining"},
	{"cloud", "Cloud and networking"},
	{"robotics", "Robotics and hardware"},
	{"fintech", "Fintech"},
	{"health", "Health and life sciences"},
	{"other", "Other"},
}

// Region is a broad geographic area; countries map to one.
type Region struct {
	Slug  string `json:"slug"`
	Label string `json:"label"`
}

// Regions lists the regions deals are grouped by.
var Regions = []Region{
	{"north_america", "North America"},
	{"latin_america", "Latin America"},
	{"europe", "Europe"},
	{"middle_east", "Middle East"},
	{"africa", "Africa"},
	{"asia", "Asia"},
	{"oceania", "Oceania"},
}

// SectorLabel returns the label of a sector slug, or the slug itself.
func SectorLabel(slug string) string {
	for _, s := range Sectors {
		if s.Slug == slug {
			return s.Label
		}
	}
	return slug
}

// RegionLabel returns the label of a region slug, or the slug itself.
func RegionLabel(slug string) string {
	for _, r := range Regions {
		if r.Slug == slug {
			return r.Label
		}
	}
	return slug
}
