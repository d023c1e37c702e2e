SELECT stad
FROM kund
ORDER BY stad;
