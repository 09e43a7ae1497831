#include "domain/duplicates/blocking.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace rapport::domain::duplicates {

namespace {

// Mixes a rule tag into a key hash so "email" and "phone" values never share a block.
std::uint64_t tagged(std::uint64_t hash, std::uint64_t tag) {
    std::uint64_t x = hash ^ (tag * 0x9E3779B97F4A7C15ULL);
    x ^= x >> 31;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 29;
    return x == 0 ? 1 : x;
}

std::uint64_t combine(std::string_view name_key, std::uint64_t other) {
    return key_hash(std::string(name_key) + "|" + std::to_string(other));
}

FoundPair ordered(Id a, Id b, Match match) {
    return a < b ? FoundPair{a, b, std::move(match)} : FoundPair{b, a, std::move(match)};
}

}  // namespace

std::vector<BlockingKey> blocking_keys(EntityType type, const PreparedRecord& r) {
    std::vector<BlockingKey> keys;
    if (r.email) keys.push_back({tagged(r.email, 1), true});
    if (r.phone) keys.push_back({tagged(r.phone, 2), true});
    if (r.tax_id) keys.push_back({tagged(r.tax_id, 3), true});
    if (r.pec) keys.push_back({tagged(r.pec, 4), true});
    if (r.city && !r.name_key.empty()) keys.push_back({tagged(combine(r.name_key, r.city), 5), false});
    if (type == EntityType::Company && r.city && !r.alt_key.empty() && r.alt_key != r.name_key) {
        keys.push_back({tagged(combine(r.alt_key, r.city), 5), false});
    }
    if (type == EntityType::Person && r.company_id && !r.name_key.empty()) {
        keys.push_back({tagged(combine(r.name_key, static_cast<std::uint64_t>(r.company_id)), 6), false});
    }
    return keys;
}

std::vector<FoundPair> find_pairs(EntityType type, const std::vector<PreparedRecord>& records) {
    struct Entry {
        std::uint64_t hash;
        std::uint32_t index;
        bool exact;
    };
    std::vector<Entry> entries;
    entries.reserve(records.size() * 3);
    for (std::size_t i = 0; i < records.size(); ++i) {
        for (const auto& k : blocking_keys(type, records[i])) {
            entries.push_back({k.hash, static_cast<std::uint32_t>(i), k.exact});
        }
    }
    std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
        if (a.hash != b.hash) return a.hash < b.hash;
        return records[a.index].id < records[b.index].id;
    });

    // How many records have each exact normalised name in each city (see kCrowd).
    std::vector<std::uint64_t> name_city(records.size(), 0);
    std::unordered_map<std::uint64_t, std::uint32_t> crowd;
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (!records[i].city || records[i].name.empty()) continue;
        name_city[i] = tagged(key_hash(records[i].name) ^ (records[i].city * 0xD6E8FEB86659FD93ULL), 7);
        ++crowd[name_city[i]];
    }
    const auto crowded = [&](std::uint32_t i) { return name_city[i] != 0 && crowd[name_city[i]] > kCrowd; };

    // A pair two blocks share is scored twice and found twice (deduplicated at the end): a
    // set of every pair compared, to skip the second time, took more memory than all else
    // (tens of millions of pairs at 1M people) for little gain, blocks rarely overlapping.
    std::vector<FoundPair> out;
    auto compare = [&](std::uint32_t i, std::uint32_t j) {
        if (i == j) return;
        auto match = score_pair(type, records[i], records[j]);
        if (!match) return;
        const bool name_city_only = std::all_of(match->reasons.begin(), match->reasons.end(),
                                                [](const Reason& r) { return r.rule == "name_city"; });
        if (name_city_only && crowded(i) && crowded(j)) return;
        out.push_back(ordered(records[i].id, records[j].id, std::move(*match)));
    };

    std::vector<std::uint32_t> block;
    for (std::size_t at = 0; at < entries.size();) {
        std::size_t end = at + 1;
        while (end < entries.size() && entries[end].hash == entries[at].hash) ++end;
        if (end - at > 1) {
            block.clear();
            for (std::size_t k = at; k < end; ++k) block.push_back(entries[k].index);
            const bool exact = entries[at].exact;
            if (exact && block.size() > kExactBlockAll) {
                for (std::size_t k = 1; k < block.size(); ++k) compare(block[0], block[k]);
            } else if (!exact && block.size() > kFuzzyBlockAll) {
                std::sort(block.begin(), block.end(),
                          [&](std::uint32_t a, std::uint32_t b) { return records[a].name < records[b].name; });
                for (std::size_t k = 0; k < block.size(); ++k) {
                    for (std::size_t w = 1; w <= kWindow && k + w < block.size(); ++w) compare(block[k], block[k + w]);
                }
            } else {
                for (std::size_t k = 0; k < block.size(); ++k) {
                    for (std::size_t l = k + 1; l < block.size(); ++l) compare(block[k], block[l]);
                }
            }
        }
        at = end;
    }
    std::sort(out.begin(), out.end(), [](const FoundPair& a, const FoundPair& b) {
        return a.first != b.first ? a.first < b.first : a.second < b.second;
    });
    out.erase(
        std::unique(out.begin(), out.end(),
                    [](const FoundPair& a, const FoundPair& b) { return a.first == b.first && a.second == b.second; }),
        out.end());
    return out;
}

std::vector<FoundPair> match_against(EntityType type, const PreparedRecord& probe,
                                     const std::vector<PreparedRecord>& others) {
    std::vector<FoundPair> out;
    for (const auto& other : others) {
        if (other.id == probe.id) continue;
        if (auto match = score_pair(type, probe, other)) out.push_back(ordered(probe.id, other.id, std::move(*match)));
    }
    std::sort(out.begin(), out.end(),
              [](const FoundPair& a, const FoundPair& b) { return a.match.score > b.match.score; });
    return out;
}

}  // namespace rapport::domain::duplicates
