package article

import (
	"net"
	"net/url"
	"strings"
)

// trackingParams are query parameters that identify a campaign or a click,
// never the content; two URLs that differ only in them are one article.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gbraid": true, "wbraid": true, "msclkid": true,
	"yclid": true, "twclid": true, "ttclid": true, "li_fat_id": true, "igshid": true,
	"mc_cid": true, "mc_eid": true, "mkt_tok": true, "_hsenc": true, "_hsmi": true,
	"__hstc": true, "__hssc": true, "__hsfp": true, "hsctatracking": true, "_openstat": true,
	"ref": true, "ref_src": true, "ref_url": true, "referrer": true, "cmpid": true, "ocid": true,
	"wt_mc": true, "wt.mc_id": true, "wt_zmc": true, "s_cid": true,
	"ncid": true, "guccounter": true, "guce_referrer": true, "guce_referrer_sig": true,
	"rss_source": true, "smid": true, "smtyp": true,
}

// trackingPrefixes are families of tracking parameters.
var trackingPrefixes = []string{"utm_", "at_", "pk_", "mtm_", "oly_", "vero_", "hmb_"}

// CanonicalURL normalises a URL so the same article reached by different
// links gets one identity: lower-case scheme and host, no default port, no
// fragment, no tracking parameters (utm_*, fbclid, gclid, mc_cid, ref, ...),
// remaining parameters sorted, and "/" for an empty path. A string that is
// not an absolute http(s) URL is returned trimmed and otherwise unchanged.
func CanonicalURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (!strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https")) {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if host, port, err := net.SplitHostPort(u.Host); err == nil {
		if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") || port == "" {
			u.Host = host
			if strings.Contains(host, ":") { // IPv6 literal
				u.Host = "[" + host + "]"
			}
		}
	}
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	}
	if u.RawQuery != "" {
		q, err := url.ParseQuery(u.RawQuery)
		if err == nil {
			for k := range q {
				if isTracking(k) {
					delete(q, k)
				}
			}
			u.RawQuery = q.Encode() // Encode sorts by key
		}
	}
	u.ForceQuery = false
	return u.String()
}

func isTracking(key string) bool {
	k := strings.ToLower(key)
	if trackingParams[k] {
		return true
	}
	for _, p := range trackingPrefixes {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}
