// The floor for "how fast can a command that must read every revision file be": list the
// regular files directly inside each DIR (as a version location is listed; __pycache__ and other
// subdirectories are skipped) and read all their bytes, nothing else. A FILE argument is read
// as is. Plain C++, no Qt, so its start-up cost is close to a bare process.
//
//   bench_readbytes DIR|FILE...     prints "<files> files, <bytes> bytes"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <vector>

namespace {

bool readAll(const std::filesystem::path &path, std::vector<char> &buffer, unsigned long long &bytes)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    while (in) {
        in.read(buffer.data(), std::streamsize(buffer.size()));
        bytes += static_cast<unsigned long long>(in.gcount());
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DIR|FILE...\n", argv[0]);
        return 2;
    }
    namespace fs = std::filesystem;
    unsigned long long files = 0, bytes = 0;
    std::vector<char> buffer(1 << 16);
    for (int i = 1; i < argc; ++i) {
        const fs::path arg(argv[i]);
        std::error_code ec;
        if (fs::is_regular_file(arg, ec)) {
            if (!readAll(arg, buffer, bytes)) {
                std::fprintf(stderr, "%s: cannot read\n", argv[i]);
                return 1;
            }
            ++files;
            continue;
        }
        for (fs::directory_iterator it(arg, ec), end; !ec && it != end; it.increment(ec)) {
            if (!it->is_regular_file(ec))
                continue;
            if (!readAll(it->path(), buffer, bytes)) {
                std::fprintf(stderr, "%s: cannot read\n", it->path().c_str());
                return 1;
            }
            ++files;
        }
        if (ec) {
            std::fprintf(stderr, "%s: %s\n", argv[i], ec.message().c_str());
            return 1;
        }
    }
    std::printf("%llu files, %llu bytes\n", files, bytes);
    return 0;
}
