-- Times are INTEGER nanoseconds since the Unix epoch, UTC; NULL is the zero time.

CREATE TABLE sources (
	id              INTEGER PRIMARY KEY,
	kind            TEXT    NOT NULL,
	url             TEXT    NOT NULL UNIQUE,
	title           TEXT    NOT NULL DEFAULT '',
	interval_ns     INTEGER NOT NULL DEFAULT 0,
	etag            TEXT    NOT NULL DEFAULT '',
	last_modified   TEXT    NOT NULL DEFAULT '',
	last_fetch_at   INTEGER,
	last_success_at INTEGER,
	next_poll_at    INTEGER,
	last_error      TEXT    NOT NULL DEFAULT '',
	error_kind      TEXT    NOT NULL DEFAULT '',
	error_count     INTEGER NOT NULL DEFAULT 0,
	created_at      INTEGER NOT NULL
);
CREATE INDEX sources_next_poll_at ON sources (coalesce(next_poll_at, 0), id);

CREATE TABLE articles (
	id            INTEGER PRIMARY KEY,
	source_id     INTEGER REFERENCES sources (id) ON DELETE SET NULL,
	url           TEXT    NOT NULL DEFAULT '',
	guid          TEXT    NOT NULL DEFAULT '',
	identity_hash TEXT    NOT NULL UNIQUE,
	title         TEXT    NOT NULL DEFAULT '',
	outlet        TEXT    NOT NULL DEFAULT '',
	author        TEXT    NOT NULL DEFAULT '',
	published     INTEGER,
	fetched_at    INTEGER,
	lang          TEXT    NOT NULL DEFAULT '',
	text          TEXT    NOT NULL DEFAULT '',
	content_hash  TEXT    NOT NULL DEFAULT '',
	simhash       INTEGER NOT NULL DEFAULT 0,
	duplicate_of  INTEGER REFERENCES articles (id) ON DELETE SET NULL,
	extracted_at  INTEGER
);
CREATE UNIQUE INDEX articles_url ON articles (url) WHERE url <> '';
CREATE UNIQUE INDEX articles_content_hash ON articles (content_hash) WHERE content_hash <> '';
CREATE INDEX articles_source_id ON articles (source_id);
CREATE INDEX articles_published ON articles (published, id);
CREATE INDEX articles_not_extracted ON articles (id) WHERE extracted_at IS NULL;

CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, text,
	content = 'articles', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TABLE entities (
	id         INTEGER PRIMARY KEY,
	name       TEXT    NOT NULL,
	created_at INTEGER NOT NULL
);

-- entity_names is the alias table: one row per normalised name
-- (pulse.NormalizeName), so a name resolves to exactly one entity.
CREATE TABLE entity_names (
	norm      TEXT    PRIMARY KEY,
	name      TEXT    NOT NULL,
	fold      TEXT    NOT NULL, -- lower-cased name, for substring search
	entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE
);
CREATE INDEX entity_names_entity_id ON entity_names (entity_id);

CREATE TABLE deals (
	id            INTEGER PRIMARY KEY,
	kind          TEXT    NOT NULL,
	company       TEXT    NOT NULL DEFAULT '',
	company_fold  TEXT    NOT NULL DEFAULT '',
	company_id    INTEGER REFERENCES entities (id) ON DELETE SET NULL,
	amount        REAL    NOT NULL DEFAULT 0,
	currency      TEXT    NOT NULL DEFAULT '',
	amount_usd    REAL    NOT NULL DEFAULT 0,
	alt_amounts   TEXT    NOT NULL DEFAULT '[]',
	round         TEXT    NOT NULL DEFAULT '',
	stake_percent REAL    NOT NULL DEFAULT 0,
	announced     INTEGER,
	date          INTEGER,
	sector        TEXT    NOT NULL DEFAULT '',
	country       TEXT    NOT NULL DEFAULT '',
	region        TEXT    NOT NULL DEFAULT '',
	conflict      INTEGER NOT NULL DEFAULT 0,
	created_at    INTEGER NOT NULL,
	updated_at    INTEGER NOT NULL
);
CREATE INDEX deals_date ON deals (date, id);
CREATE INDEX deals_amount_usd ON deals (amount_usd, id);
CREATE INDEX deals_company_id ON deals (company_id);
CREATE INDEX deals_kind ON deals (kind);

-- deal_parties keeps Deal.Investors (role 'investor') and
-- Deal.LeadInvestors (role 'lead') in their order.
CREATE TABLE deal_parties (
	deal_id   INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
	role      TEXT    NOT NULL,
	position  INTEGER NOT NULL,
	name      TEXT    NOT NULL,
	fold      TEXT    NOT NULL,
	entity_id INTEGER REFERENCES entities (id) ON DELETE SET NULL,
	PRIMARY KEY (deal_id, role, position)
);
CREATE INDEX deal_parties_entity_id ON deal_parties (entity_id);

CREATE TABLE mentions (
	id         INTEGER PRIMARY KEY,
	deal_id    INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	sentence   TEXT    NOT NULL DEFAULT '',
	start      INTEGER NOT NULL DEFAULT 0,
	"end"      INTEGER NOT NULL DEFAULT 0,
	amount     REAL    NOT NULL DEFAULT 0,
	currency   TEXT    NOT NULL DEFAULT '',
	evidence   TEXT    NOT NULL DEFAULT '[]',
	UNIQUE (deal_id, article_id, start, "end")
);
CREATE INDEX mentions_article_id ON mentions (article_id);

-- deals_fts is maintained by the store: rowid is the deal ID.
CREATE VIRTUAL TABLE deals_fts USING fts5 (
	company, investors, evidence,
	tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE pulses (
	id          INTEGER PRIMARY KEY,
	slug        TEXT    NOT NULL UNIQUE,
	name        TEXT    NOT NULL,
	topic       TEXT    NOT NULL DEFAULT '',
	description TEXT    NOT NULL DEFAULT '',
	query       TEXT    NOT NULL DEFAULT '{}',
	created_at  INTEGER NOT NULL,
	updated_at  INTEGER NOT NULL
);

CREATE TABLE pulse_articles (
	pulse_id   INTEGER NOT NULL REFERENCES pulses (id) ON DELETE CASCADE,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	PRIMARY KEY (pulse_id, article_id)
) WITHOUT ROWID;

CREATE TABLE pulse_deals (
	pulse_id INTEGER NOT NULL REFERENCES pulses (id) ON DELETE CASCADE,
	deal_id  INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
	PRIMARY KEY (pulse_id, deal_id)
) WITHOUT ROWID;

CREATE TABLE briefings (
	pulse_id   INTEGER NOT NULL REFERENCES pulses (id) ON DELETE CASCADE,
	version    INTEGER NOT NULL,
	hash       TEXT    NOT NULL,
	created_at INTEGER NOT NULL,
	body       TEXT    NOT NULL,
	PRIMARY KEY (pulse_id, version)
);
CREATE INDEX briefings_created_at ON briefings (pulse_id, created_at);

CREATE TABLE tokens (
	id           INTEGER PRIMARY KEY,
	name         TEXT    NOT NULL UNIQUE,
	hash         TEXT    NOT NULL UNIQUE,
	created_at   INTEGER NOT NULL,
	last_used_at INTEGER
);
