"""Which definitions a student's object file may hold (grader/symbols.py)."""
import unittest

from grader.symbols import _allowed, _calls_baseline

LAB = "01"


class SymbolRulesTest(unittest.TestCase):
    def test_the_labs_own_functions_and_classes(self):
        for name, kind, lab in (
                ("_ZN3hpc5lab016matmulESt4spanIKdLm18446744073709551615EES3_S1_IdLm18446744073709551615EEm", "T", "01"),
                ("_ZNK3hpc5lab0311ProcessPool11worker_pidsEv", "T", "03"),
                ("_ZTVN3hpc5lab014PoolE", "V", "01"),
                ("_ZNSt6vectorIdSaIdEE17_M_realloc_insertIJRKdEEEvN9__gnu_cxx17__normal_iteratorIPdS1_EEDpOT_", "W", "01"),
                ("_ZN3hpc4todoERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEE", "W", "01"),  # a course header's
                ("DW.ref.__gxx_personality_v0", "V", "01")):
            self.assertTrue(_allowed(name, kind, lab), name)

    def test_a_kernels_host_stub_is_judged_by_the_kernel(self):
        self.assertTrue(_allowed("_Z94__device_stub__ZN3hpc5lab0541_GLOBAL__N__7f5944bf_9_matmul_cu_ccc447d712naive_kernelEPKfS3_PfiPKfS0_Pfi",
                                 "T", "05"))

    def test_what_would_replace_instructor_or_system_code(self):
        for name, kind in (("_ZN3hpc5lab018baseline6matmulESt4spanIKdLm18446744073709551615EES3_S1_IdLm18446744073709551615EEm", "T"),
                           ("_ZN3hpc5lab018baseline6matmulEv", "W"),
                           ("_ZN3hpc5lab026matmulEv", "T"),                 # another lab's namespace
                           ("clock_gettime", "T"), ("clock_gettime", "W"), ("main", "T"),
                           ("_ZNSt6chrono3_V212steady_clock3nowEv", "W"),
                           ("_ZN3hpc19compare_interleavedERKSt8functionIFvvEES4_RKNS_13TimingOptionsE", "T"),
                           ("_ZN7testing4Test3RunEv", "W"), ("_Znwm", "T"), ("_ZdlPv", "W")):
            self.assertFalse(_allowed(name, kind, LAB), name)

    def test_a_call_into_the_baseline(self):
        self.assertTrue(_calls_baseline("_ZN3hpc5lab068baseline10fma_chainsESt4spanIdLm18446744073709551615EEddl", "06"))
        self.assertFalse(_calls_baseline("_ZN3hpc5lab068baseline10fma_chainsEv", "01"), "another lab's baseline")
        self.assertFalse(_calls_baseline("_ZN3hpc4todoERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEE", "06"))
        self.assertFalse(_calls_baseline("_ZN3hpc5lab0610fma_chainsEv", "06"))

    def test_the_roofline_probe_is_baseline_in_every_lab(self):
        # Lab 06's baseline calls these kernels: calling them directly is calling the baseline.
        fma = "_ZN3hpc14roofline_probe10fma_chainsESt4spanIdLm18446744073709551615EEddl"
        for lab in ("01", "06", "07"):
            self.assertTrue(_calls_baseline(fma, lab), lab)
            self.assertFalse(_allowed(fma, "T", lab), lab)
            self.assertFalse(_allowed(fma, "W", lab), lab)
        self.assertFalse(_calls_baseline("_ZN3hpc5lab0614roofline_probeEv", "06"), "a lab's own function of that name")


if __name__ == "__main__":
    unittest.main()
