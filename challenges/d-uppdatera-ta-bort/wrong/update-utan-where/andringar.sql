UPDATE produkt SET pris = pris * 1.1;

DELETE FROM orderrad
WHERE bestallning_id IN (SELECT id FROM bestallning WHERE datum < '2024-01-01');

DELETE FROM bestallning WHERE datum < '2024-01-01';
