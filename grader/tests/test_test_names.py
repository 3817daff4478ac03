"""Test names as GoogleTest writes them in reports, mapped to the classes a program defines."""
import unittest

from grader.test_names import test_class, unknown_cases


class TestNamesTest(unittest.TestCase):
    def test_plain_parameterised_and_typed_names(self):
        self.assertEqual(test_class("Matmul.IdentityLeavesTheMatrixUnchanged"), "Matmul_IdentityLeavesTheMatrixUnchanged_Test")
        self.assertEqual(test_class("AwkwardSizes/MatmulSize.MatchesTheBound/3"), "MatmulSize_MatchesTheBound_Test")
        self.assertEqual(test_class("Queue/0.HoldsItems"), "Queue_HoldsItems_Test")

    def test_unknown_cases_need_a_known_program(self):
        declared = frozenset({"Matmul_Identity_Test"})
        self.assertEqual(unknown_cases(["Matmul.Identity", "Matmul.Forged"], declared), ["Matmul.Forged"])
        self.assertEqual(unknown_cases(["Anything.Goes"], None), [])


if __name__ == "__main__":
    unittest.main()
