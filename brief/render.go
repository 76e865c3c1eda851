package brief

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"strings"
	"unicode"

	"github.com/fundingpulse/pulse"
)

// Formats lists the formats Render writes.
var Formats = []string{"text", "md", "html", "json"}

// Render writes a briefing as "text" (like a printed briefing), "md"
// (Markdown), "html" (a standalone fragment, safe to embed: every source
// string is escaped and only http(s) links are kept) or "json" (the
// Briefing). EINVALID for another format.
func Render(w io.Writer, b *pulse.Briefing, format string) error {
	bw := bufio.NewWriter(w)
	var err error
	switch format {
	case "text", "":
		err = renderText(bw, b)
	case "md", "markdown":
		err = renderMarkdown(bw, b)
	case "html":
		err = htmlTemplate.ExecuteTemplate(bw, "briefing", b)
	case "json":
		enc := json.NewEncoder(bw)
		enc.SetIndent("", "  ")
		err = enc.Encode(b)
	default:
		return pulse.Errorf(pulse.EINVALID, "unknown format %q: want one of %s", format, strings.Join(Formats, ", "))
	}
	if err != nil {
		return fmt.Errorf("render briefing: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("render briefing: %w", err)
	}
	return nil
}

// clean makes source text safe for a terminal: control characters (escape
// sequences included) become spaces.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
}

// safeURL returns u when it is an absolute http(s) URL, else "".
func safeURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}

func sourcesLine(b *pulse.Briefing) string {
	s := fmt.Sprintf("Sources (%d)", b.SourceCount)
	if !b.Updated.IsZero() {
		s += " · Updated " + DateText(b.Updated)
	}
	return s
}

func changeLabel(c string) string {
	switch c {
	case "added":
		return "New: "
	case "amended":
		return "Updated: "
	}
	return ""
}

func renderText(w io.Writer, b *pulse.Briefing) error {
	ew := &errWriter{w: w}
	ew.printf("%s\n\n", clean(b.Title))
	if b.Topic != "" {
		ew.printf("%s\n\n", clean(b.Topic))
	}
	if b.Lede != "" {
		ew.printf("%s\n\n", clean(b.Lede))
	}
	bullet := func(bl pulse.BriefingBullet) {
		ew.printf("  • %s%s %s.\n\n", changeLabel(bl.Change), clean(body(bl.Text)), citeText(bl.Citations))
	}
	if len(b.Latest) > 0 {
		ew.printf("Latest developments\n\n")
		for _, bl := range b.Latest {
			bullet(bl)
		}
	}
	for _, s := range b.Sections {
		ew.printf("%s\n\n", clean(s.Title))
		for _, bl := range s.Bullets {
			bullet(bl)
		}
	}
	if len(b.KeyFigures) > 0 {
		ew.printf("Key figures\n")
		group := ""
		for _, k := range b.KeyFigures {
			if k.Group != group {
				group = k.Group
				ew.printf("\n  By %s\n", group)
			}
			ew.printf("    %-34s %s   %s\n", clean(k.Label), movesText(k.Deals), usdOrDash(k.AmountUSD))
		}
		ew.printf("\n")
	}
	ew.printf("%s\n", sourcesLine(b))
	if len(b.Sources) > 0 {
		ew.printf("\n")
	}
	for _, c := range b.Sources {
		title := ""
		if c.Title != "" {
			title = " \"" + clean(c.Title) + "\","
		}
		ew.printf("  [%d] %s,%s %s. %s\n", c.N, clean(c.Outlet), title, DateText(c.Published), clean(c.URL))
	}
	return ew.err
}

// body is a bullet's sentence without its full stop, which goes after the
// citations: "... operator [3]."
func body(s string) string { return strings.TrimSuffix(s, ".") }

func movesText(n int) string {
	if n == 1 {
		return "  1 move "
	}
	return fmt.Sprintf("%3d moves", n)
}

func usdOrDash(v float64) string {
	if v <= 0 {
		return "undisclosed"
	}
	return FormatUSD(v, false)
}

// mdEscape keeps source text from being read as Markdown syntax or HTML.
var mdEscape = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;",
	"#", `\#`, "|", `\|`, "!", `\!`, "&", "&amp;")

func md(s string) string { return mdEscape.Replace(clean(s)) }

func renderMarkdown(w io.Writer, b *pulse.Briefing) error {
	ew := &errWriter{w: w}
	ew.printf("# %s\n\n", md(b.Title))
	if b.Topic != "" {
		ew.printf("*%s*\n\n", md(b.Topic))
	}
	if b.Lede != "" {
		ew.printf("%s\n\n", mdCited(b.Lede))
	}
	bullet := func(bl pulse.BriefingBullet) {
		label := ""
		if l := changeLabel(bl.Change); l != "" {
			label = "**" + strings.TrimSpace(l) + "** "
		}
		ew.printf("- %s%s %s.\n", label, md(body(bl.Text)), mdCites(bl.Citations))
	}
	if len(b.Latest) > 0 {
		ew.printf("## Latest developments\n\n")
		for _, bl := range b.Latest {
			bullet(bl)
		}
		ew.printf("\n")
	}
	for _, s := range b.Sections {
		ew.printf("## %s\n\n", md(s.Title))
		for _, bl := range s.Bullets {
			bullet(bl)
		}
		ew.printf("\n")
	}
	if len(b.KeyFigures) > 0 {
		ew.printf("## Key figures\n\n")
		group := ""
		for _, k := range b.KeyFigures {
			if k.Group != group {
				if group != "" {
					ew.printf("\n")
				}
				group = k.Group
				ew.printf("| By %s | Moves | Disclosed (USD) |\n|---|---:|---:|\n", group)
			}
			ew.printf("| %s | %d | %s |\n", md(k.Label), k.Deals, usdOrDash(k.AmountUSD))
		}
		ew.printf("\n")
	}
	ew.printf("## %s\n\n", sourcesLine(b))
	for _, c := range b.Sources {
		title := md(c.Title)
		if title == "" {
			title = md(c.URL)
		}
		if u := safeURL(c.URL); u != "" {
			title = "[" + title + "](<" + strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(u) + ">)"
		}
		ew.printf("%d. <a id=\"src-%d\"></a>%s, %s, %s\n", c.N, c.N, md(c.Outlet), title, DateText(c.Published))
	}
	return ew.err
}

// mdCites links citation numbers to the source list.
func mdCites(ns []int) string {
	var b strings.Builder
	for _, n := range ns {
		fmt.Fprintf(&b, "[\\[%d\\]](#src-%d)", n, n)
	}
	return b.String()
}

// mdCited escapes text that carries "[n]" citations, keeping those as links.
func mdCited(s string) string {
	var b strings.Builder
	for _, part := range splitCites(s) {
		if part.N > 0 {
			b.WriteString(mdCites([]int{part.N}))
		} else {
			b.WriteString(md(part.Text))
		}
	}
	return b.String()
}

// citePart is a run of text or one "[n]" citation.
type citePart struct {
	Text string
	N    int
}

// splitCites splits text at "[n]" citation markers.
func splitCites(s string) []citePart {
	var out []citePart
	for len(s) > 0 {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			out = append(out, citePart{Text: s})
			break
		}
		j := strings.IndexByte(s[i:], ']')
		n := 0
		if j > 1 {
			if _, err := fmt.Sscanf(s[i+1:i+j], "%d", &n); err != nil || fmt.Sprint(n) != s[i+1:i+j] {
				n = 0
			}
		}
		if n <= 0 {
			out = append(out, citePart{Text: s[:i+1]})
			s = s[i+1:]
			continue
		}
		if i > 0 {
			out = append(out, citePart{Text: s[:i]})
		}
		out = append(out, citePart{N: n})
		s = s[i+j+1:]
	}
	return out
}

// errWriter keeps the first write error so renderers can print freely.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

var htmlTemplate = template.Must(template.New("").Funcs(template.FuncMap{
	"date":    DateText,
	"usd":     usdOrDash,
	"safeURL": safeURL,
	"change":  func(c string) string { return strings.TrimSpace(changeLabel(c)) },
	"cites":   splitCites,
	"srcline": sourcesLine,
	"body":    func(s string) string { return clean(body(s)) },
	"clean":   clean,
}).Parse(`{{define "bullet"}}<li{{with .Change}} class="change-{{.}}"{{end}}>{{with change .Change}}<strong>{{.}}</strong> {{end}}{{body .Text}}{{range .Citations}} <a class="cite" href="#src-{{.}}">[{{.}}]</a>{{end}}.</li>
{{end}}{{define "briefing"}}<article class="briefing" data-pulse="{{.PulseSlug}}" data-version="{{.Version}}">
<header>
<h1>{{clean .Title}}</h1>
{{with .Topic}}<p class="topic">{{clean .}}</p>
{{end}}{{with .Lede}}<p class="lede">{{range cites .}}{{if .N}}<a class="cite" href="#src-{{.N}}">[{{.N}}]</a>{{else}}{{clean .Text}}{{end}}{{end}}</p>
{{end}}</header>
{{with .Latest}}<section class="latest">
<h2>Latest developments</h2>
<ul>
{{range .}}{{template "bullet" .}}{{end}}</ul>
</section>
{{end}}{{range .Sections}}<section class="storyline" id="story-{{.Key}}">
<h2>{{clean .Title}}</h2>
<ul>
{{range .Bullets}}{{template "bullet" .}}{{end}}</ul>
</section>
{{end}}{{with .KeyFigures}}<section class="key-figures">
<h2>Key figures</h2>
<table>
<thead><tr><th scope="col">Group</th><th scope="col"></th><th scope="col">Moves</th><th scope="col">Disclosed (USD)</th></tr></thead>
<tbody>
{{range .}}<tr><td>{{.Group}}</td><td>{{.Label}}</td><td>{{.Deals}}</td><td>{{usd .AmountUSD}}</td></tr>
{{end}}</tbody>
</table>
</section>
{{end}}<footer class="sources">
<h2>{{srcline .}}</h2>
<ol>
{{range .Sources}}<li id="src-{{.N}}" value="{{.N}}">{{clean .Outlet}}, {{with safeURL .URL}}<a href="{{.}}" rel="noopener noreferrer nofollow">{{end}}{{clean (or .Title .URL)}}{{if safeURL .URL}}</a>{{end}}, <time datetime="{{.Published.Format "2006-01-02"}}">{{date .Published}}</time></li>
{{end}}</ol>
</footer>
</article>
{{end}}`))

// RenderChanges writes what changed between two versions as "text", "md",
// "html" or "json"; since names the version compared with ("version 3 of
// Mar 1, 2026") for the heading. EINVALID for another format.
func RenderChanges(w io.Writer, ch Changes, since string, format string) error {
	bw := bufio.NewWriter(w)
	ew := &errWriter{w: bw}
	heading := "Changes since " + since
	if ch.Empty() {
		heading = "No changes since " + since
	}
	type group struct {
		label string
		moves []Move
	}
	groups := []group{{"Added", ch.Added}, {"Amended", ch.Amended}, {"Removed", ch.Removed}}
	sources := func(m Move) string {
		var parts []string
		for _, c := range m.Sources {
			parts = append(parts, fmt.Sprintf("%s, %s", clean(c.Outlet), DateText(c.Published)))
		}
		return strings.Join(parts, "; ")
	}
	switch format {
	case "text", "":
		ew.printf("%s\n", heading)
		for _, g := range groups {
			if len(g.moves) == 0 {
				continue
			}
			ew.printf("\n%s\n\n", g.label)
			for _, m := range g.moves {
				ew.printf("  • %s (%s)\n", clean(m.Text), sources(m))
				if m.Before != "" && m.Before != m.Text {
					ew.printf("    was: %s\n", clean(m.Before))
				}
			}
		}
	case "md", "markdown":
		ew.printf("## %s\n", md(heading))
		for _, g := range groups {
			if len(g.moves) == 0 {
				continue
			}
			ew.printf("\n### %s\n\n", g.label)
			for _, m := range g.moves {
				ew.printf("- %s (%s)\n", md(m.Text), md(sources(m)))
				if m.Before != "" && m.Before != m.Text {
					ew.printf("  - was: %s\n", md(m.Before))
				}
			}
		}
	case "html":
		ew.err = changesTemplate.Execute(bw, map[string]any{"Heading": heading, "Groups": []map[string]any{
			{"Label": "Added", "Moves": ch.Added}, {"Label": "Amended", "Moves": ch.Amended}, {"Label": "Removed", "Moves": ch.Removed}}})
	case "json":
		enc := json.NewEncoder(bw)
		enc.SetIndent("", "  ")
		ew.err = enc.Encode(ch)
	default:
		return pulse.Errorf(pulse.EINVALID, "unknown format %q: want one of %s", format, strings.Join(Formats, ", "))
	}
	if ew.err != nil {
		return fmt.Errorf("render changes: %w", ew.err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("render changes: %w", err)
	}
	return nil
}

var changesTemplate = template.Must(template.New("changes").Funcs(template.FuncMap{"date": DateText, "safeURL": safeURL}).Parse(
	`<section class="briefing-changes">
<h2>{{.Heading}}</h2>
{{range .Groups}}{{if .Moves}}<h3>{{.Label}}</h3>
<ul>
{{range .Moves}}<li>{{.Text}}{{range .Sources}} <cite>{{with safeURL .URL}}<a href="{{.}}" rel="noopener noreferrer nofollow">{{end}}{{.Outlet}}{{if safeURL .URL}}</a>{{end}}, {{date .Published}}</cite>{{end}}{{if and .Before (ne .Before .Text)}}<br><del>{{.Before}}</del>{{end}}</li>
{{end}}</ul>
{{end}}{{end}}</section>
`))
