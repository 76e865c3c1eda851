package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/fundingpulse/pulse"
	"github.com/fundingpulse/pulse/brief"
)

//go:embed templates static openapi.json
var files embed.FS

// views are the page templates; each is parsed with the layout at start-up,
// so a missing file fails New.
var views = []string{"home", "pulse", "version", "deals", "deal", "entity", "charts", "sources", "signin", "error"}

// assets are the embedded static files with content hashes, so their URLs
// change when they do and can be cached for good.
type assets struct {
	byName map[string]asset
}

type asset struct {
	hash string
	body []byte
}

func loadAssets() (*assets, error) {
	a := &assets{byName: map[string]asset{}}
	err := fs.WalkDir(files, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		a.byName[path.Base(p)] = asset{hash: hex.EncodeToString(sum[:6]), body: b}
		return nil
	})
	return a, err
}

// url returns the content-hashed URL of an asset; an unknown name is a bug
// in a template and fails parsing through the template func.
func (a *assets) url(name string) (string, error) {
	f, ok := a.byName[name]
	if !ok {
		return "", fmt.Errorf("no asset %q", name)
	}
	return "/static/" + f.hash + "/" + name, nil
}

// static serves an embedded asset. The hash in the path matches only the
// current content; an old hash still gets the file but is not cached long.
func (s *Server) static(w http.ResponseWriter, r *http.Request) error {
	f, ok := s.assets.byName[r.PathValue("name")]
	if !ok {
		return notFound("No such file.")
	}
	if r.PathValue("hash") == f.hash {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(r.PathValue("name"))))
	w.Header().Set("Content-Length", strconv.Itoa(len(f.body)))
	_, err := w.Write(f.body)
	return err
}

// parseViews parses the layout and partials with each view.
func (s *Server) parseViews() (map[string]*template.Template, error) {
	funcs := s.funcs()
	out := make(map[string]*template.Template, len(views))
	for _, v := range views {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(files,
			"templates/layout.html", "templates/partials.html", "templates/"+v+".html")
		if err != nil {
			return nil, fmt.Errorf("view %s: %w", v, err)
		}
		out[v] = t
	}
	return out, nil
}

// page is what every template gets: the layout's fields and the view's data.
type page struct {
	Title    string
	Path     string
	SignedIn string // token name when signed in
	Version  string
	Data     any
}

// render executes a view into a buffer first, so a template error becomes a
// clean 500 and not half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, view, title string, data any) error {
	t, ok := s.views[view]
	if !ok {
		return fmt.Errorf("render: no view %q", view)
	}
	p := page{Title: title, Path: r.URL.Path, Version: s.version, Data: data}
	if tok := tokenFrom(r.Context()); tok != nil {
		p.SignedIn = tok.Name
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		return fmt.Errorf("render %s: %w", view, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

func (s *Server) funcs() template.FuncMap {
	return template.FuncMap{
		"asset":    s.assets.url,
		"date":     formatDate,
		"datetime": formatDateTime,
		"isodate":  isoDate,
		"money":    formatMoney,
		"usd":      func(v float64) string { return formatMoney(v, "USD") },
		"sector":   pulse.SectorLabel,
		"region":   pulse.RegionLabel,
		"kind":     func(k pulse.DealKind) string { return label(string(k)) },
		"round":    func(r pulse.Round) string { return label(string(r)) },
		"bullet":   bulletHTML,
		"cited":    citedHTML,
		"move":     moveHTML,
		"mention":  mentionHTML,
		"join":     func(s []string) string { return strings.Join(s, ", ") },
		"label":    label,
		"add":      func(a, b int) int { return a + b },
		"sub":      func(a, b float64) float64 { return a - b },
	}
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.UTC().Format("Jan 2, 2006")
}

func formatDateTime(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.UTC().Format("Jan 2, 2006 15:04 UTC")
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

// currencySymbols are the currencies written with a symbol; others are
// written with their ISO code.
var currencySymbols = map[string]string{"USD": "$", "EUR": "€", "GBP": "£", "INR": "₹", "JPY": "¥"}

// formatMoney writes an amount compactly: "$1.5B", "€37M", "CHF 120K".
func formatMoney(amount float64, currency string) string {
	if currency == "" || amount <= 0 {
		return "undisclosed"
	}
	var n string
	switch {
	case amount >= 1e9:
		n = trimFloat(amount/1e9) + "B"
	case amount >= 1e6:
		n = trimFloat(amount/1e6) + "M"
	case amount >= 1e3:
		n = trimFloat(amount/1e3) + "K"
	default:
		n = trimFloat(amount)
	}
	if sym, ok := currencySymbols[currency]; ok {
		return sym + n
	}
	return currency + " " + n
}

func trimFloat(v float64) string {
	return strconv.FormatFloat(float64(int64(v*100+0.5))/100, 'f', -1, 64)
}

// label turns a slug such as "series_a" into "Series A".
func label(slug string) string {
	if slug == "" {
		return ""
	}
	words := strings.Split(slug, "_")
	for i, w := range words {
		if len(w) == 1 || i == 0 {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// citeMarker finds inline citation markers such as "[3]" in bullet text.
var citeMarker = regexp.MustCompile(`\s*\[\d+\]`)

// citeNumber finds one marker and its number.
var citeNumber = regexp.MustCompile(`\[(\d+)\]`)

// citedHTML escapes free text such as a lede and turns its "[3]" markers
// into links to the source list.
func citedHTML(text string) template.HTML {
	var sb strings.Builder
	last := 0
	for _, m := range citeNumber.FindAllStringSubmatchIndex(text, -1) {
		n := text[m[2]:m[3]]
		sb.WriteString(template.HTMLEscapeString(text[last:m[0]]))
		fmt.Fprintf(&sb, `<a class="cite" href="#source-%s" aria-label="source %s">[%s]</a>`, n, n, n)
		last = m[1]
	}
	sb.WriteString(template.HTMLEscapeString(text[last:]))
	return template.HTML(sb.String())
}

// bulletHTML writes one briefing move: its text (escaped) linking to its
// deal, then a link per citation to the entry in the source list.
func bulletHTML(b pulse.BriefingBullet) template.HTML {
	var sb strings.Builder
	text := template.HTMLEscapeString(strings.TrimSpace(citeMarker.ReplaceAllString(b.Text, "")))
	if b.DealID > 0 {
		fmt.Fprintf(&sb, `<a href="/deals/%d">%s</a>`, b.DealID, text)
	} else {
		sb.WriteString(text)
	}
	cites := slices.Clone(b.Citations)
	slices.Sort(cites)
	for _, n := range slices.Compact(cites) {
		fmt.Fprintf(&sb, ` <a class="cite" href="#source-%d" aria-label="source %d">[%d]</a>`, n, n, n)
	}
	return template.HTML(sb.String())
}

// moveHTML writes one changed move of a version diff: its text (escaped)
// linking to its deal, then the outlets it cites.
func moveHTML(m brief.Move) template.HTML {
	text := template.HTMLEscapeString(strings.TrimSpace(citeMarker.ReplaceAllString(m.Text, "")))
	out := text
	if m.DealID > 0 {
		out = fmt.Sprintf(`<a href="/deals/%d">%s</a>`, m.DealID, text)
	}
	var outlets []string
	for _, c := range m.Sources {
		if !slices.Contains(outlets, c.Outlet) {
			outlets = append(outlets, c.Outlet)
		}
	}
	if len(outlets) > 0 {
		out += ` <span class="muted">(` + template.HTMLEscapeString(strings.Join(outlets, ", ")) + `)</span>`
	}
	return template.HTML(out)
}

// mentionHTML writes a mention's evidence sentence with the amount marked.
// The parts are escaped first and only then joined with <mark>, so nothing
// from the article can become markup.
func mentionHTML(m pulse.Mention) template.HTML {
	s := m.Sentence
	start, end := amountSpan(m)
	if start < 0 {
		return template.HTML(template.HTMLEscapeString(s))
	}
	return template.HTML(template.HTMLEscapeString(s[:start]) + "<mark>" +
		template.HTMLEscapeString(s[start:end]) + "</mark>" + template.HTMLEscapeString(s[end:]))
}

// amountSpan finds the amount evidence inside the mention's sentence: by its
// offsets when they agree with the text, else by searching for the text.
// It returns -1, -1 when there is none.
func amountSpan(m pulse.Mention) (int, int) {
	for _, ev := range m.Evidence {
		if ev.Field != "amount" || ev.Text == "" {
			continue
		}
		if s, e := ev.Start-m.Start, ev.End-m.Start; s >= 0 && e <= len(m.Sentence) && s < e && m.Sentence[s:e] == ev.Text {
			return s, e
		}
		if i := strings.Index(m.Sentence, ev.Text); i >= 0 {
			return i, i + len(ev.Text)
		}
	}
	return -1, -1
}
