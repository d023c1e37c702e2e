-- A small web shop: customers, products, orders and order rows.
CREATE TABLE kund (
  id INTEGER PRIMARY KEY,
  namn TEXT NOT NULL,
  stad TEXT NOT NULL,
  epost TEXT UNIQUE
);

CREATE TABLE produkt (
  id INTEGER PRIMARY KEY,
  namn TEXT NOT NULL,
  kategori TEXT NOT NULL,
  pris REAL NOT NULL CHECK (pris >= 0)
);

CREATE TABLE bestallning (
  id INTEGER PRIMARY KEY,
  kund_id INTEGER NOT NULL REFERENCES kund(id),
  datum TEXT NOT NULL
);

CREATE TABLE orderrad (
  bestallning_id INTEGER NOT NULL REFERENCES bestallning(id),
  produkt_id INTEGER NOT NULL REFERENCES produkt(id),
  antal INTEGER NOT NULL CHECK (antal > 0),
  PRIMARY KEY (bestallning_id, produkt_id)
);
