-- The data candidates see in examples. Rows are deliberately not inserted in sorted order.
INSERT INTO kund (id, namn, stad, epost) VALUES
  (1, 'Sara Lind', 'Uppsala', 'sara@example.se'),
  (2, 'Amir Haddad', 'Malmö', 'amir@example.se'),
  (3, 'Elin Berg', 'Göteborg', 'elin@example.se'),
  (4, 'Jonas Ek', 'Uppsala', 'jonas@example.se'),
  (5, 'Maja Holm', 'Örebro', NULL),
  (6, 'Ali Nour', 'Malmö', 'ali@example.se'),
  (7, 'Tove Sjö', 'Luleå', 'tove@example.se'),
  (8, 'Erik Dahl', 'Göteborg', 'erik@example.se');

-- Within each category, products are inserted from the most to the least expensive.
INSERT INTO produkt (id, namn, kategori, pris) VALUES
  (1, 'Borrmaskin', 'Verktyg', 1200),
  (2, 'Skruvdragare', 'Verktyg', 800),
  (3, 'Hammare', 'Verktyg', 250),
  (4, 'Tumstock', 'Verktyg', 90),
  (5, 'Tältlykta', 'Friluft', 400),
  (6, 'Termos', 'Friluft', 300),
  (7, 'Sittunderlag', 'Friluft', 200),
  (8, 'Kåsa', 'Friluft', 120),
  (9, 'Hörlurar', 'Elektronik', 900),
  (10, 'Laddare', 'Elektronik', 300),
  (11, 'Kabel', 'Elektronik', 150),
  (12, 'Batterier', 'Elektronik', 60);

INSERT INTO bestallning (id, kund_id, datum) VALUES
  (1, 3, '2023-11-20'),
  (2, 1, '2024-01-01'),
  (3, 3, '2024-02-14'),
  (4, 2, '2023-12-31'),
  (5, 6, '2024-03-03'),
  (6, 3, '2024-03-15'),
  (7, 4, '2024-04-02'),
  (8, 2, '2024-04-20');

INSERT INTO orderrad (bestallning_id, produkt_id, antal) VALUES
  (1, 3, 1), (1, 4, 2),
  (2, 9, 1),
  (3, 1, 1), (3, 12, 4),
  (4, 6, 2),
  (5, 7, 1), (5, 8, 2),
  (6, 11, 3),
  (7, 2, 1),
  (8, 5, 1), (8, 10, 1);
