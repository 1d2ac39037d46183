#pragma once

#include <cstdint>

namespace okla::sandbox {

/// splitmix64: expands one 64-bit seed into well-mixed words; also a bijective hash of a counter.
inline std::uint64_t splitmix64(std::uint64_t &state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/// The finaliser of splitmix64 alone: a bijection on 64-bit words (distinct inputs, distinct outputs).
inline std::uint64_t mix64(std::uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/// xoshiro256** (Blackman & Vigna). Our own generator, not <random>'s distributions, because the
/// seed must give the same rows on every libstdc++/libc++ version: only integer arithmetic here,
/// and doubles only from exact 53-bit conversions compared against constants.
class SeedRandom
{
public:
    SeedRandom() : SeedRandom(0) {}
    explicit SeedRandom(std::uint64_t seed) { reseed(seed); }
    /// A stream for one purpose: the same (seed, stream, index) always gives the same numbers.
    SeedRandom(std::uint64_t seed, std::uint64_t stream, std::uint64_t index)
    {
        reseed(mix64(seed ^ mix64(stream * 0xD1B54A32D192ED03ULL + 1)) ^ mix64(index + 0x632BE59BD9B4E019ULL));
    }

    void reseed(std::uint64_t seed)
    {
        std::uint64_t sm = seed;
        for (auto &word : m_s)
            word = splitmix64(sm);
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    /// Uniform in [0, bound) without modulo bias (Lemire's multiply-shift with rejection).
    std::uint64_t below(std::uint64_t bound)
    {
        if (bound <= 1)
            return 0;
        std::uint64_t x = next();
        __uint128_t m = static_cast<__uint128_t>(x) * bound;
        auto low = static_cast<std::uint64_t>(m);
        if (low < bound) {
            const std::uint64_t threshold = (0 - bound) % bound;
            while (low < threshold) {
                x = next();
                m = static_cast<__uint128_t>(x) * bound;
                low = static_cast<std::uint64_t>(m);
            }
        }
        return static_cast<std::uint64_t>(m >> 64);
    }

    /// Uniform integer in [lo, hi] (inclusive).
    std::int64_t range(std::int64_t lo, std::int64_t hi) { return lo + std::int64_t(below(std::uint64_t(hi - lo + 1))); }

    /// True with probability ppm / 1,000,000 (integers keep it identical everywhere).
    bool chancePpm(std::uint32_t ppm) { return below(1000000) < ppm; }

    /// Index picked with integer weights (sum > 0).
    template<typename Weights>
    int pick(const Weights &weights)
    {
        std::uint64_t total = 0;
        for (auto w : weights)
            total += std::uint64_t(w);
        std::uint64_t r = below(total);
        int i = 0;
        for (auto w : weights) {
            if (r < std::uint64_t(w))
                return i;
            r -= std::uint64_t(w);
            ++i;
        }
        return i - 1;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_s[4] = {};
};

} // namespace okla::sandbox
