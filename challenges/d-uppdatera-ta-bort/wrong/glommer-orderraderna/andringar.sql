UPDATE produkt SET pris = pris * 1.1 WHERE kategori = 'Verktyg';

DELETE FROM bestallning WHERE datum < '2024-01-01';
