// Given: the grid-search exercise's model. Ridge regression, w = (X^T X + lambda I)^-1 X^T y, on
// a synthetic dataset (y = X w_true + noise) that is generated once, identically, in every
// process. kFolds-fold cross-validation: fold f validates on rows r with r % kFolds == f.
#pragma once

namespace hpc::lab03::ridge {

inline constexpr int kFolds = 5;
inline constexpr int kRows = 3000;
inline constexpr int kFeatures = 24;

// The mean squared validation error of ridge(lambda) trained without fold `fold`.
double fold_error(double lambda, int fold);

}  // namespace hpc::lab03::ridge
