-- Skriv din SELECT-sats här.
SELECT namn, pris
FROM produkt
