-- A second data set for hidden tests: other rows, the same shape and the same price ladders.
INSERT INTO kund (id, namn, stad, epost) VALUES
  (1, 'Noah Strand', 'Västerås', 'noah@example.se'),
  (2, 'Lea Falk', 'Stockholm', 'lea@example.se'),
  (3, 'Omar Said', 'Västerås', 'omar@example.se'),
  (4, 'Ida Ruth', 'Umeå', 'ida@example.se'),
  (5, 'Hugo Ström', 'Stockholm', NULL),
  (6, 'Nora Vik', 'Göteborg', 'nora@example.se'),
  (7, 'Liam Borg', 'Umeå', 'liam@example.se');

INSERT INTO produkt (id, namn, kategori, pris) VALUES
  (1, 'Kappsåg', 'Verktyg', 800),
  (2, 'Vattenpass', 'Verktyg', 250),
  (3, 'Skiftnyckel', 'Verktyg', 180),
  (4, 'Sovsäck', 'Friluft', 1500),
  (5, 'Stormkök', 'Friluft', 400),
  (6, 'Pannlampa', 'Friluft', 300),
  (7, 'Vattenflaska', 'Friluft', 200),
  (8, 'Tändstål', 'Friluft', 120),
  (9, 'Högtalare', 'Elektronik', 1100),
  (10, 'Powerbank', 'Elektronik', 300),
  (11, 'Minneskort', 'Elektronik', 150),
  (12, 'Adapter', 'Elektronik', 50),
  (13, 'Webbkamera', 'Elektronik', 400),
  (14, 'Sticksåg', 'Verktyg', 420);

INSERT INTO bestallning (id, kund_id, datum) VALUES
  (1, 7, '2024-01-01'),
  (2, 2, '2023-10-05'),
  (3, 6, '2024-05-30'),
  (4, 2, '2024-02-01'),
  (5, 4, '2023-12-24'),
  (6, 2, '2024-06-11'),
  (7, 7, '2024-03-08'),
  (8, 1, '2024-03-09'),
  (9, 4, '2024-07-01');

INSERT INTO orderrad (bestallning_id, produkt_id, antal) VALUES
  (1, 4, 1),
  (2, 2, 1), (2, 3, 1),
  (3, 9, 1),
  (4, 10, 2), (4, 12, 1),
  (5, 6, 2),
  (6, 5, 1), (6, 8, 3),
  (7, 11, 1),
  (8, 1, 1),
  (9, 7, 2);
