package web

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fundingpulse/pulse"
)

// HashToken returns the hex sha256 of an API token secret: the only form in
// which tokens are stored and looked up.
func HashToken(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

type tokenKey struct{}

// tokenFrom returns the token that authenticated the request, or nil.
func tokenFrom(ctx context.Context) *pulse.Token {
	t, _ := ctx.Value(tokenKey{}).(*pulse.Token)
	return t
}

// requireToken authenticates an API write by its bearer token.
func (s *Server) requireToken(r *http.Request) (*http.Request, error) {
	scheme, secret, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(secret) == "" {
		return r, errUnauthorized("send an API token: Authorization: Bearer TOKEN")
	}
	tok, err := s.store.FindTokenByHash(r.Context(), HashToken(strings.TrimSpace(secret)))
	if pulse.ErrorCode(err) == pulse.ENOTFOUND {
		return r, errUnauthorized("unknown API token")
	} else if err != nil {
		return r, err
	}
	return r.WithContext(context.WithValue(r.Context(), tokenKey{}, tok)), nil
}

// Session cookies hold the token's hash and an expiry, signed with the
// server's key: the cookie proves a sign-in without storing the secret,
// and the store lookup on each request means a deleted token signs out.
const (
	sessionCookie = "pulse_session"
	sessionTTL    = 30 * 24 * time.Hour
)

func (s *Server) sign(payload string) string {
	m := hmac.New(sha256.New, s.sessionKey)
	m.Write([]byte(payload))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

func (s *Server) sessionValue(hash string, expires time.Time) string {
	payload := hash + "." + strconv.FormatInt(expires.Unix(), 10)
	return payload + "." + s.sign(payload)
}

// sessionHash verifies a cookie value and returns the token hash in it.
func (s *Server) sessionHash(v string) (string, bool) {
	i := strings.LastIndexByte(v, '.')
	if i < 0 {
		return "", false
	}
	payload, sig := v[:i], v[i+1:]
	if !hmac.Equal([]byte(sig), []byte(s.sign(payload))) {
		return "", false
	}
	hash, exp, ok := strings.Cut(payload, ".")
	unix, err := strconv.ParseInt(exp, 10, 64)
	if !ok || err != nil || s.now().After(time.Unix(unix, 0)) {
		return "", false
	}
	return hash, true
}

// withSession attaches the signed-in token, if the request has a valid
// session cookie; anything else leaves the request anonymous.
func (s *Server) withSession(r *http.Request) *http.Request {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return r
	}
	hash, ok := s.sessionHash(c.Value)
	if !ok {
		return r
	}
	tok := s.sessions.get(hash, s.now())
	if tok == nil {
		var err error
		if tok, err = s.store.FindTokenByHash(r.Context(), hash); err != nil {
			// A deleted token ends the session; other failures are logged
			// and the page is served anonymously rather than failing.
			if pulse.ErrorCode(err) != pulse.ENOTFOUND {
				s.log.Warn("session lookup failed", "error", err)
			}
			return r
		}
		s.sessions.put(hash, tok, s.now())
	}
	return r.WithContext(context.WithValue(r.Context(), tokenKey{}, tok))
}

// sessionCache remembers recently checked session tokens for a short while:
// FindTokenByHash writes LastUsedAt, and a signed-in reader's page views
// should not each wait for the store's one writer.
type sessionCache struct {
	mu sync.Mutex
	m  map[string]cachedToken
}

type cachedToken struct {
	tok   *pulse.Token
	until time.Time
}

// Cache limits: a deleted token keeps a session for at most sessionCacheTTL.
const (
	sessionCacheTTL  = time.Minute
	sessionCacheSize = 1024
)

func (c *sessionCache) get(hash string, now time.Time) *pulse.Token {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[hash]; ok && now.Before(e.until) {
		return e.tok
	}
	return nil
}

func (c *sessionCache) put(hash string, tok *pulse.Token, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= sessionCacheSize {
		c.m = make(map[string]cachedToken) // crude but bounded: start over
	}
	c.m[hash] = cachedToken{tok: tok, until: now.Add(sessionCacheTTL)}
}

func (s *Server) setSession(w http.ResponseWriter, r *http.Request, value string, maxAge int) {
	http.SetCookie(w, &http.Cookie{
		Name:     sessionCookie,
		Value:    value,
		Path:     "/",
		MaxAge:   maxAge,
		HttpOnly: true,
		Secure:   r.TLS != nil,
		SameSite: http.SameSiteLaxMode,
	})
}

func (s *Server) signinPage(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, http.StatusOK, "signin", "Sign in", signinData{Next: safeNext(r.URL.Query().Get("next"))})
}

type signinData struct {
	Next  string
	Error string
}

// signin checks a pasted API token and starts a session.
func (s *Server) signin(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		return invalid("form: %s", err.Error())
	}
	next := safeNext(r.PostForm.Get("next"))
	secret := strings.TrimSpace(r.PostForm.Get("token"))
	hash := HashToken(secret)
	_, err := s.store.FindTokenByHash(r.Context(), hash)
	if secret == "" || pulse.ErrorCode(err) == pulse.ENOTFOUND {
		return s.render(w, r, http.StatusUnauthorized, "signin", "Sign in",
			signinData{Next: next, Error: "That token is not known. Create one with: pulse tokens create NAME"})
	} else if err != nil {
		return err
	}
	s.setSession(w, r, s.sessionValue(hash, s.now().Add(sessionTTL)), int(sessionTTL.Seconds()))
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

func (s *Server) signout(w http.ResponseWriter, r *http.Request) error {
	s.setSession(w, r, "", -1)
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}

// safeNext keeps post-sign-in redirects on this site: a local absolute path
// only, never "//host" or a scheme.
func safeNext(next string) string {
	u, err := url.Parse(next)
	if err != nil || next == "" || u.IsAbs() || u.Host != "" || !strings.HasPrefix(next, "/") ||
		strings.HasPrefix(next, "//") || strings.Contains(next, `\`) {
		return "/sources"
	}
	return next
}
