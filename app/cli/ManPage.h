#pragma once

#include <QString>

namespace retort::cli {

// retort(1) in roff, built from the same verb and option tables as --help, so the two never
// disagree. The build writes it with `retort --help-man`.
QString manPageText();

} // namespace retort::cli
