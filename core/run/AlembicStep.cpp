#include "AlembicStep.h"

using namespace Qt::StringLiterals;

namespace retort {

QString AlembicStep::revision() const
{
    switch (kind) {
    case Kind::Upgrade:
        return to.value(0);
    case Kind::Downgrade:
        return from.value(0);
    case Kind::Stamp:
        return to.join(u", "_s);
    }
    return {};
}

} // namespace retort
