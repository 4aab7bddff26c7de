"""The report's one log-log line plot (gnuplot, SVG): lines given as {title: [(x, y), ...]}, data kept beside it."""
import os
import shutil
import subprocess


def lines(results, docs, name, title, xlabel, ylabel, data, dashed=()):
    """Writes bench/results/<name>.dat and docs/<name>.svg; returns the markdown that shows it (or says why not)."""
    if not any(data.values()):
        return []
    dat = results.path(f"{name}.dat")
    with open(dat, "w") as f:
        for k, (label, points) in enumerate(data.items()):
            f.write(f"# {k}: {label} ({xlabel}, {ylabel})\n")
            f.writelines(f"{x} {y}\n" for x, y in sorted(points))
            f.write("\n\n")
    if not shutil.which("gnuplot"):
        return ["_Plot not drawn: gnuplot is not installed (`apt-get install gnuplot-nox`)._\n"]
    xs = [x for points in data.values() for x, _ in points]
    svg = os.path.join(docs, f"{name}.svg")
    plots = [f"{quote(dat)} index {k} using 1:2 with linespoints lw 2 pt {7 + k % 6} "
             f"dt {2 if label in dashed else 1} title {quote(label)}" for k, label in enumerate(data)]
    script = f"""set terminal svg size 820,500 dynamic font 'sans,12'
set output {quote(svg)}
set termoption noenhanced
set xrange [{min(xs) * 0.7}:{max(xs) * 1.4}]
set title {quote(title)}
set xlabel {quote(xlabel)}
set ylabel {quote(ylabel)}
set logscale xy
set key top left
set grid
plot {', '.join(plots)}
"""
    subprocess.run(["gnuplot"], input=script, text=True, check=True)
    return [f"![{title}]({name}.svg)\n"]


def quote(text):
    """A gnuplot single-quoted string (a quote inside is doubled)."""
    return "'" + str(text).replace("'", "''") + "'"
