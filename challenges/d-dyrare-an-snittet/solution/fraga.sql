SELECT p.namn, p.kategori, p.pris
FROM produkt AS p
WHERE p.pris > (SELECT AVG(p2.pris) FROM produkt AS p2 WHERE p2.kategori = p.kategori)
ORDER BY p.kategori, p.pris DESC;
