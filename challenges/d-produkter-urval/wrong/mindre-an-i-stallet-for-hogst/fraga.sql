SELECT namn, pris
FROM produkt
WHERE kategori = '{{kategori}}' AND pris < {{grans}}
ORDER BY pris;
