SELECT p.namn, p.kategori, p.pris
FROM produkt AS p
JOIN (SELECT kategori, AVG(pris) AS snitt FROM produkt GROUP BY kategori) AS s
  ON s.kategori = p.kategori
WHERE p.pris > s.snitt
ORDER BY p.kategori, p.pris DESC;
