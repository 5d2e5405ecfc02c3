// ReadBuffer: a fixed-size byte buffer whose bytes are not zeroed when it is allocated, for
// reads of unknown length: only the pages a read fills are ever touched. (A zeroed 1 MiB
// vector costs 256 page faults even when the input is 200 bytes long.)
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>

namespace kg {

class ReadBuffer {
public:
    explicit ReadBuffer(std::size_t size) : m_data(new char[size]), m_size(size) {}

    char* data() noexcept { return m_data.get(); }
    const char* data() const noexcept { return m_data.get(); }
    std::size_t size() const noexcept { return m_size; }

    /// Holds a copy of [bytes, bytes + n), grown to at least `min_size` bytes.
    void assign(const char* bytes, std::size_t n, std::size_t min_size) {
        const std::size_t size = std::max(n, min_size);
        if (size != m_size) {
            m_data.reset(new char[size]);
            m_size = size;
        }
        if (n > 0) std::memcpy(m_data.get(), bytes, n);
    }

private:
    std::unique_ptr<char[]> m_data;
    std::size_t m_size;
};

}  // namespace kg
