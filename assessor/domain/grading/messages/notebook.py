"""Messages of the notebook grader: a file that is not a notebook, or one too large."""

from __future__ import annotations

NOTEBOOK: dict[str, tuple[str, str]] = {
    "nb_not_json": ("{name} är ingen notebook: filen är inte giltig JSON (fel på rad {line}). "
                    "Öppna den i Jupyter, spara igen och lämna in .ipynb-filen.",
                    "{name} is not a notebook: the file is not valid JSON (error on line "
                    "{line}). Open it in Jupyter, save it again and hand in the .ipynb file."),
    "nb_not_notebook": ("{name} är JSON men ingen Jupyter-notebook. Lämna in .ipynb-filen som "
                        "du sparade i Jupyter.", "{name} is JSON but not a Jupyter notebook. "
                        "Hand in the .ipynb file you saved in Jupyter."),
    "nb_invalid": ("Notebooken {name} är skadad eller i ett för gammalt format. Öppna den i "
                   "Jupyter, spara igen och lämna in .ipynb-filen.", "The notebook {name} is "
                   "damaged or in a format that is too old. Open it in Jupyter, save it again "
                   "and hand in the .ipynb file."),
    "nb_too_large": ("Notebooken är för stor ({size} kB, högst {max_kb} kB). Välj Kernel → "
                     "Restart & Clear Output, spara och lämna in igen.", "The notebook is too "
                     "large ({size} kB, at most {max_kb} kB). Choose Kernel → Restart & Clear "
                     "Output, save and hand it in again."),
    "nb_no_code": ("Notebooken har inga kodceller att rätta{tag}.",
                   "The notebook has no code cells to grade{tag}."),
    "nb_tag": (' (tagg "{tag}")', ' (tag "{tag}")'),
}
