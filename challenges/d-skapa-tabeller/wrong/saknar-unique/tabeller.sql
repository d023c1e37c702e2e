CREATE TABLE medlem (
  id INTEGER PRIMARY KEY,
  namn TEXT NOT NULL,
  epost TEXT NOT NULL
);

CREATE TABLE lan (
  id INTEGER PRIMARY KEY,
  bok_id INTEGER NOT NULL REFERENCES bok(id),
  medlem_id INTEGER NOT NULL REFERENCES medlem(id),
  utlanad TEXT NOT NULL,
  dagar INTEGER NOT NULL CHECK (dagar >= 1 AND dagar <= 30)
);
