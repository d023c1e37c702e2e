-- A library's books; candidates add the tables for members and loans.
CREATE TABLE bok (
  id INTEGER PRIMARY KEY,
  titel TEXT NOT NULL,
  forfattare TEXT NOT NULL
);
