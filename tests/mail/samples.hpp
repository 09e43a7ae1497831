#pragma once
// The sample messages of tests/mail/samples/, read as bytes.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace rapport::mail::testing {

inline std::filesystem::path samples_dir() {
    return RAPPORT_MAIL_SAMPLES;
}

inline std::string read_sample(const std::string& name) {
    std::ifstream in(samples_dir() / name, std::ios::binary);
    if (!in) throw std::runtime_error("no sample " + name);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Every sample's file name (.eml and .txt), sorted.
inline std::vector<std::string> sample_names() {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(samples_dir())) {
        std::string ext = entry.path().extension().string();
        if (ext == ".eml" || ext == ".txt") names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace rapport::mail::testing
