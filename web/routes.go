package web

import (
	"net/http"
	"strings"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// kind says how a route answers errors and who may call it.
type kind int

const (
	kindPage    kind = iota // HTML; errors as an HTML page
	kindAsset               // a static file: no session lookup
	kindForm                // HTML form POST; needs a signed-in session
	kindAPI                 // JSON; errors as problem documents
	kindAPIAuth             // JSON write; needs a bearer token
)

// handlerFunc is a handler that returns its error to the route wrapper,
// which maps it to a response in one place (respond.go).
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// route is one row of the route table.
type route struct {
	pattern string
	kind    kind
	handle  handlerFunc
}

// routes is every path the server answers. The API paths are documented in
// openapi.json; a test checks that each of them appears there.
func (s *Server) routes() []route {
	return []route{
		// Pages.
		{"GET /{$}", kindPage, s.homePage},
		{"GET /pulses/{slug}", kindPage, s.pulsePage},
		{"GET /pulses/{slug}/versions/{version}", kindPage, s.versionPage},
		{"GET /deals", kindPage, s.dealsPage},
		{"GET /deals/{id}", kindPage, s.dealPage},
		{"GET /companies/{id}", kindPage, s.entityPage},
		{"GET /charts", kindPage, s.chartsPage},
		{"GET /sources", kindPage, s.sourcesPage},
		{"POST /sources", kindForm, s.addSourceForm},
		{"POST /sources/{id}/delete", kindForm, s.deleteSourceForm},
		{"POST /sources/{id}/fetch", kindForm, s.fetchSourceForm},
		{"GET /signin", kindPage, s.signinPage},
		{"POST /signin", kindPage, s.signin},
		{"POST /signout", kindPage, s.signout},
		{"GET /static/{hash}/{name}", kindAsset, s.static},
		{"/", kindPage, s.notFoundPage},

		// Feeds and exports.
		{"GET /pulses/{slug}/feed.atom", kindAPI, s.pulseFeed},
		{"GET /deals.csv", kindAPI, s.dealsCSV},

		// API.
		{"GET /healthz", kindAPI, s.healthz},
		{"GET /api/openapi.json", kindAPI, s.openAPI},
		{"GET /api/v1/pulses", kindAPI, s.apiPulses},
		{"POST /api/v1/pulses", kindAPIAuth, s.apiCreatePulse},
		{"GET /api/v1/pulses/{slug}", kindAPI, s.apiPulse},
		{"DELETE /api/v1/pulses/{slug}", kindAPIAuth, s.apiDeletePulse},
		{"GET /api/v1/pulses/{slug}/briefing", kindAPI, s.apiBriefing},
		{"GET /api/v1/pulses/{slug}/versions", kindAPI, s.apiVersions},
		{"GET /api/v1/deals", kindAPI, s.apiDeals},
		{"GET /api/v1/deals/{id}", kindAPI, s.apiDeal},
		{"GET /api/v1/companies/{id}", kindAPI, s.apiEntity},
		{"GET /api/v1/articles/{id}", kindAPI, s.apiArticle},
		{"GET /api/v1/search", kindAPI, s.apiSearch},
		{"GET /api/v1/sources", kindAPI, s.apiSources},
		{"POST /api/v1/sources", kindAPIAuth, s.apiCreateSource},
		{"DELETE /api/v1/sources/{id}", kindAPIAuth, s.apiDeleteSource},
		{"POST /api/v1/ingest", kindAPIAuth, s.apiIngest},
		{"GET /api/v1/ingest", kindAPIAuth, s.apiIngestJobs},
		{"GET /api/v1/ingest/{id}", kindAPIAuth, s.apiIngestJob},
		{"/api/", kindAPI, s.apiNotFound},
	}
}

// buildHandler registers the route table on a ServeMux and wraps it with the
// layers every request goes through: request log and metrics outermost, then
// security headers and cross-origin (CSRF) protection.
func (s *Server) buildHandler(reg *prometheus.Registry) http.Handler {
	mux := http.NewServeMux()
	for _, rt := range s.routes() {
		mux.Handle(rt.pattern, s.wrap(rt))
	}
	mux.Handle("GET /metrics", s.instrument("GET /metrics",
		promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg})))
	csrf := http.NewCrossOriginProtection()
	csrf.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := forbidden("cross-origin request refused")
		if isAPIPath(r.URL.Path) {
			s.problem(w, r, err)
			return
		}
		s.errorPage(w, r, err)
	}))
	return securityHeaders(csrf.Handler(mux))
}

// wrap turns a route into an http.Handler: authentication, error mapping and
// instrumentation under the route's pattern.
func (s *Server) wrap(rt route) http.Handler {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var err error
		switch rt.kind {
		case kindAPIAuth:
			r, err = s.requireToken(r)
		case kindPage, kindForm:
			r = s.withSession(r)
			if rt.kind == kindForm && tokenFrom(r.Context()) == nil {
				err = errUnauthorized("sign in first")
			}
		}
		if err == nil {
			err = rt.handle(w, r)
		}
		if err == nil {
			return
		}
		if rt.kind == kindAPI || rt.kind == kindAPIAuth {
			s.problem(w, r, err)
		} else {
			s.errorPage(w, r, err)
		}
	})
	return s.instrument(rt.pattern, h)
}

// isAPIPath reports whether errors on path should be problem documents.
func isAPIPath(path string) bool {
	return strings.HasPrefix(path, "/api/") || path == "/healthz" || path == "/deals.csv"
}

// contentSecurityPolicy allows only this origin's own script and style: no
// inline code, so injected markup cannot run even if escaping failed.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}
