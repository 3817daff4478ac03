"""plots/nbody.py: a run folder becomes an animation and an energy plot; a bad folder gets a
message and exit code 2."""
import contextlib
import importlib.util
import io
import json
import struct
import tempfile
import unittest
from pathlib import Path

HAVE_MATPLOTLIB = importlib.util.find_spec("matplotlib") is not None


def write_run(folder: Path, frames: int = 3) -> None:
    (folder / "run.json").write_text(json.dumps({"ic": "figure-eight", "dt": 0.01, "every": 10}))
    rows = ["step,time,energy,relative_energy_error,px,py,pz"]
    for k in range(frames):
        xs = [0.97 - 0.1 * k, -0.97 + 0.1 * k, 0.0]
        ys = [-0.24, 0.24, 0.05 * k]
        data = struct.pack("<Q", 3) + struct.pack("<9f", *[v for i in range(3) for v in (xs[i], ys[i], 0.0)])
        (folder / f"snapshot_{10 * k:06d}.bin").write_bytes(data)
        rows.append(f"{10 * k},{0.1 * k},-1.287,{1e-9 * (k + 1)},0,0,0")
    (folder / "diagnostics.csv").write_text("\n".join(rows) + "\n")


@unittest.skipUnless(HAVE_MATPLOTLIB, "matplotlib not installed (python3-matplotlib)")
class NbodyPlotsTest(unittest.TestCase):
    def test_a_run_becomes_an_animation_and_an_energy_plot(self):
        from plots import nbody
        from plots.layout import png_touches_border
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            write_run(folder)
            with contextlib.redirect_stdout(io.StringIO()):
                self.assertEqual(nbody.main([str(folder)]), 0)
            gif = (folder / "nbody.gif").read_bytes()
            self.assertTrue(gif.startswith(b"GIF8"))
            self.assertFalse(png_touches_border(folder / "energy.png"))

    def test_a_bad_folder_gets_a_message_not_a_traceback(self):
        from plots import nbody
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            (folder / "snapshot_000000.bin").write_bytes(b"\x05\x00")
            errors = io.StringIO()
            with contextlib.redirect_stderr(errors):
                self.assertEqual(nbody.main([str(folder)]), 2)
                self.assertEqual(nbody.main([str(folder / "missing")]), 2)
            self.assertIn("not a snapshot", errors.getvalue())
            self.assertIn("is not a folder", errors.getvalue())


if __name__ == "__main__":
    unittest.main()
