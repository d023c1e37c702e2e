SELECT p.namn, p.kategori, p.pris
FROM produkt AS p
WHERE p.pris >= (SELECT AVG(pris) FROM produkt WHERE kategori = p.kategori)
ORDER BY p.kategori, p.pris DESC;
