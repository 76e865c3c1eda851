package web

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The browser tests drive Debian's Chromium, headless, against a loopback
// server with the fixture. With PULSE_BROWSER_URL set they run the generic
// checks against that server instead (e.g. "pulse demo"); screenshots go to
// $PULSE_ARTIFACTS when set, else to a temporary directory.

const chromiumPath = "/usr/bin/chromium"

// browser starts Chromium and returns a tab context; the test fails rather
// than hangs if the browser stops answering.
func browser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("browser tests need Chromium at %s (apt-get install chromium): %v", chromiumPath, err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // starts the browser without a deadline
		t.Fatalf("start chromium: %v", err)
	}
	tctx, tcancel := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(tcancel)
	return tctx
}

// target returns the base URL to test and the fixture, nil for an outside
// server.
func target(t *testing.T) (string, *fixture) {
	if u := os.Getenv("PULSE_BROWSER_URL"); u != "" {
		return strings.TrimSuffix(u, "/"), nil
	}
	ts, f := newTestServer(t)
	return ts.URL, f
}

func artifacts(t *testing.T) string {
	dir := os.Getenv("PULSE_ARTIFACTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// run runs one action that returns a value, failing the test on error.
func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestBrowserCitationLinksToSource(t *testing.T) {
	ctx := browser(t)
	base, f := target(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/")); err != nil {
		t.Fatal(err)
	}
	// Open the first pulse from the home page, as a reader would.
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(".pulse-card h2 a"))); err != nil {
		t.Fatalf("open pulse: %v", err)
	}
	loc := run(t, ctx, chromedp.Location())
	if f != nil && loc != base+"/pulses/ai-funding-pulse" {
		t.Fatalf("home page's first pulse went to %s", loc)
	}
	href := run(t, ctx, chromedp.Evaluate[string](`document.querySelector("a.cite").getAttribute("href")`))
	if !regexp.MustCompile(`^#source-\d+$`).MatchString(href) {
		t.Fatalf("first citation links to %q", href)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("a.cite"))); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Hash, Target, Text string
		Visible            bool
	}
	// Scrolling is smooth, so wait until the entry is in view or give up.
	raw := run(t, ctx, chromedp.Evaluate[[]byte](`(async () => {
		const inView = el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; };
		let el = null;
		for (let i = 0; i < 40; i++) {
			el = document.querySelector(":target");
			if (el && inView(el)) break;
			await new Promise(r => setTimeout(r, 50));
		}
		return {hash: location.hash, target: el ? el.id : "", text: el ? el.textContent : "", visible: !!el && inView(el)};
	})()`, chromedp.EvalAwaitPromise))
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	if got.Hash != href || got.Target != strings.TrimPrefix(href, "#") || !got.Visible {
		t.Fatalf("after the click: %+v, want %s scrolled into view", got, href)
	}
	// In the fixture the first citation is the article with markup in its
	// title: the entry must show it as text.
	if f != nil && !strings.Contains(got.Text, hostileTitle) {
		t.Errorf("source entry 1 reads %q", got.Text)
	}
}

// rowsJS reads the deals table: company and kind of every row.
const rowsJS = `Array.from(document.querySelectorAll("table.deals tbody tr")).filter(r => r.cells.length > 1).map(r => [r.cells[1].textContent.trim(), r.cells[2].textContent.trim()])`

func TestBrowserFilterDeals(t *testing.T) {
	ctx := browser(t)
	base, f := target(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/deals")); err != nil {
		t.Fatal(err)
	}
	all := run(t, ctx, chromedp.Evaluate[[][]string](rowsJS))
	if len(all) == 0 {
		t.Fatal("the explorer shows no deals")
	}
	// Filter on the kind of the first row shown, and sort by amount.
	kind := run(t, ctx, chromedp.Evaluate[string](
		`Array.from(document.querySelector("select[name=kind]").options).find(o => o.text === `+jsString(all[0][1])+`).value`))
	steps := []chromedp.Action[chromedp.Void]{
		chromedp.SetValue(chromedp.CSS("select[name=kind]"), kind),
		chromedp.SetValue(chromedp.CSS("select[name=sort]"), "-amount"),
	}
	if f != nil {
		steps = append(steps, chromedp.SetValue(chromedp.CSS("select[name=region]"), "europe"))
	}
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("form.filters button[type=submit]"))); err != nil {
		t.Fatalf("submit filters: %v", err)
	}
	loc := run(t, ctx, chromedp.Location())
	if !strings.Contains(loc, "kind="+kind) || !strings.Contains(loc, "sort=-amount") || strings.Contains(loc, "q=&") {
		t.Errorf("filter URL %s: want kind and sort, and no empty fields (app.js drops them)", loc)
	}
	rows := run(t, ctx, chromedp.Evaluate[[][]string](rowsJS))
	if len(rows) == 0 {
		t.Fatal("no rows after filtering")
	}
	for _, r := range rows {
		if r[1] != all[0][1] {
			t.Errorf("row %v does not have kind %q", r, all[0][1])
		}
	}
	// The form shows the filter it applied.
	selected := run(t, ctx, chromedp.Value(chromedp.CSS("select[name=kind]")))
	if selected != kind {
		t.Errorf("kind select shows %q after filtering, want %q", selected, kind)
	}
	if f != nil {
		want := [][]string{{"Kestrel Compute", "Acquisition"}}
		if kind == "funding_round" {
			want = [][]string{{hostileCompany, "Funding round"}}
		}
		if fmt.Sprint(rows) != fmt.Sprint(want) {
			t.Errorf("rows = %q, want %q", rows, want)
		}
		// The hostile name is shown as text, not run: no img element exists.
		if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("img").length`)); n != 0 {
			t.Errorf("the page has %d img elements", n)
		}
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestBrowserExportCSVMatchesJSON(t *testing.T) {
	ctx := browser(t)
	base, _ := target(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/deals?sort=-amount")); err != nil {
		t.Fatal(err)
	}
	// Fetch both export links from the page, with the page's own filters.
	var out struct{ CSV, JSON string }
	raw := run(t, ctx, chromedp.Evaluate[[]byte](`(async () => {
		const get = async sel => (await fetch(document.querySelector(sel).href)).text();
		return {csv: await get("#export-csv"), json: await get("#export-json")};
	})()`, chromedp.EvalAwaitPromise))
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	var l dealList
	if err := json.Unmarshal([]byte(out.JSON), &l); err != nil {
		t.Fatalf("JSON export: %v", err)
	}
	rows := readCSV(t, out.CSV)
	if len(l.Deals) < l.Total {
		rows = rows[:min(len(rows), len(l.Deals))] // the JSON is one page; the CSV has every match
	}
	sameDeals(t, rows, l.Deals)
	if len(l.Deals) == 0 {
		t.Error("the export is empty")
	}
}

func TestBrowserScreenshots(t *testing.T) {
	ctx := browser(t)
	base, f := target(t)
	paths := []string{"/", "/deals", "/charts", "/sources"}
	if f != nil {
		paths = pages(f)
	} else {
		paths = append(paths, "/pulses/ai-funding-pulse")
	}
	dir := artifacts(t)
	for _, vp := range []struct {
		name   string
		w, h   int64
		mobile bool
	}{{"desktop", 1280, 900, false}, {"phone", 390, 844, true}} {
		var opts []chromedp.EmulateViewportOption
		if vp.mobile {
			opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateScale(2))
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(vp.w, vp.h, opts...)); err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			if err := chromedp.Do(ctx, chromedp.Navigate(base+p)); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			// Nothing may stick out sideways at phone width.
			overflow := run(t, ctx, chromedp.Evaluate[bool](
				`document.documentElement.scrollWidth > document.documentElement.clientWidth + 1`))
			if overflow {
				t.Errorf("%s at %s width scrolls sideways", p, vp.name)
			}
			png := run(t, ctx, chromedp.FullScreenshot(100))
			name := vp.name + strings.NewReplacer("/", "_", "?", "_", "&", "_", "=", "-").Replace(p) + ".png"
			if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Logf("screenshots in %s", dir)
}

func TestBrowserKeyboard(t *testing.T) {
	ctx := browser(t)
	base, _ := target(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/deals"), chromedp.KeyEvent("\t")); err != nil {
		t.Fatal(err)
	}
	// The first Tab reaches the skip link, which is then shown.
	got := run(t, ctx, chromedp.Evaluate[[]string](
		`[document.activeElement.className, String(document.activeElement.getBoundingClientRect().left >= 0)]`))
	if got[0] != "skip" || got[1] != "true" {
		t.Errorf("first Tab focuses %v, want the visible skip link", got)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	if id := run(t, ctx, chromedp.Evaluate[string](`document.activeElement.id`)); id != "main" {
		t.Errorf("the skip link moves focus to %q, want main", id)
	}
}

// TestBrowserSignInAndAddSource signs in with a pasted token and adds a
// source through the form: the browser's own Origin and Sec-Fetch-Site
// headers must pass the cross-origin check. Against an outside server it
// needs PULSE_BROWSER_TOKEN.
func TestBrowserSignInAndAddSource(t *testing.T) {
	ctx := browser(t)
	base, f := target(t)
	token := testToken
	if f == nil {
		if token = os.Getenv("PULSE_BROWSER_TOKEN"); token == "" {
			t.Skip("set PULSE_BROWSER_TOKEN to sign in to an outside server")
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/signin?next=/sources"),
		chromedp.SendKeys(chromedp.ID("token"), token)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("form.signin button"))); err != nil {
		t.Fatalf("sign in: %v", err)
	}
	if loc := run(t, ctx, chromedp.Location()); loc != base+"/sources" {
		t.Fatalf("after sign-in the browser is at %s", loc)
	}
	feed := fmt.Sprintf("https://feeds.example.org/browser-%d.xml", time.Now().UnixNano())
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("form.add-source input[name=url]"), feed),
		chromedp.SendKeys(chromedp.CSS("form.add-source input[name=title]"), "Added from a browser")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("form.add-source button"))); err != nil {
		t.Fatalf("add source: %v", err)
	}
	body := run(t, ctx, chromedp.Text(chromedp.CSS("main")))
	for _, want := range []string{"Source added.", feed, "Signed in as"} {
		if !strings.Contains(body+run(t, ctx, chromedp.Text(chromedp.CSS("header"))), want) {
			t.Errorf("after adding, the page lacks %q", want)
		}
	}
	png := run(t, ctx, chromedp.FullScreenshot(100))
	if err := os.WriteFile(filepath.Join(artifacts(t), "desktop_sources_signed_in.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
