SELECT namn, kategori, pris
FROM produkt
WHERE pris > (SELECT AVG(pris) FROM produkt)
ORDER BY kategori, pris DESC;
