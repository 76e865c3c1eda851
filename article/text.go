package article

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockTags start a new paragraph in HTMLToText.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Blockquote: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Table: true, atom.Tr: true, atom.Pre: true, atom.Hr: true, atom.Figure: true,
	atom.Figcaption: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Main: true,
	atom.Address: true, atom.Details: true, atom.Summary: true, atom.Caption: true,
}

// skipTags hold no readable text: their content is dropped.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Math: true, atom.Object: true, atom.Head: true,
	atom.Select: true, atom.Button: true, atom.Canvas: true,
}

// HTMLToText converts an HTML fragment (a feed entry's content) to plain
// text: block elements become paragraphs separated by a blank line, <br>
// a line break, entities are decoded, and scripts, styles and other
// non-text elements are dropped. Plain text passes through with entities
// decoded and whitespace tidied.
func HTMLToText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var (
		paras []string
		cur   strings.Builder
		skip  []atom.Atom // open skipped elements, innermost last
	)
	flushLine := func() {
		if line := strings.Join(strings.Fields(cur.String()), " "); line != "" {
			paras = append(paras, line)
		}
		cur.Reset()
	}
	// lineBreak marks a <br>: a new line inside the same paragraph.
	const lineBreak = "\x00br\x00"
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flushLine()
			return joinParas(paras, lineBreak)
		case html.TextToken:
			if len(skip) == 0 {
				cur.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skipTags[a] {
				switch {
				case tt == html.StartTagToken:
					skip = append(skip, a)
				case tt == html.EndTagToken:
					if i := lastIndex(skip, a); i >= 0 {
						skip = skip[:i]
					}
				}
				continue
			}
			if len(skip) > 0 {
				continue
			}
			switch {
			case a == atom.Br:
				flushLine()
				paras = append(paras, lineBreak)
			case blockTags[a]:
				flushLine()
			case a == atom.Td || a == atom.Th:
				cur.WriteByte(' ')
			}
		}
	}
}

// joinParas joins lines with blank lines, except around <br> markers, which
// join their neighbours with a single newline.
func joinParas(parts []string, lineBreak string) string {
	var b strings.Builder
	pendingBR := false
	for _, p := range parts {
		if p == lineBreak {
			pendingBR = true
			continue
		}
		if b.Len() > 0 {
			if pendingBR {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		pendingBR = false
		b.WriteString(p)
	}
	return b.String()
}

func lastIndex(s []atom.Atom, a atom.Atom) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == a {
			return i
		}
	}
	return -1
}
