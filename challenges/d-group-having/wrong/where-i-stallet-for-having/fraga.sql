SELECT k.namn, COUNT(*) AS antal
FROM kund AS k
JOIN bestallning AS b ON b.kund_id = k.id
WHERE COUNT(*) >= 2
GROUP BY k.namn
ORDER BY antal DESC, k.namn;
