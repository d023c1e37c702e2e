SELECT b.id, b.datum, k.namn
FROM bestallning AS b
JOIN kund AS k ON k.id = b.kund_id
ORDER BY b.datum;
