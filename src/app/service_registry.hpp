#pragma once
// The services and repositories the area modules provide to each other, found by type.
// Modules own what they build; the registry only points at it. A module built before the
// one it needs is a wiring bug, found when the application starts: get() aborts with the
// type's name rather than let a request meet a missing service later.
#include <cstdio>
#include <cstdlib>
#include <typeindex>
#include <typeinfo>
#include <unordered_map>

namespace rapport::app {

class ServiceRegistry {
public:
    template <class T>
    void provide(T& service) {
        const auto [it, added] = entries_.emplace(std::type_index(typeid(T)), static_cast<void*>(&service));
        if (!added) missing_or_twice("provided twice", typeid(T).name());
    }

    template <class T>
    T& get() const {
        const auto it = entries_.find(std::type_index(typeid(T)));
        if (it == entries_.end()) missing_or_twice("needed before any module provides it", typeid(T).name());
        return *static_cast<T*>(it->second);
    }

private:
    [[noreturn]] static void missing_or_twice(const char* what, const char* type) {
        std::fprintf(stderr, "rapport: wiring error: %s is %s (see src/app/modules/all_modules.cpp)\n", type, what);
        std::abort();
    }

    std::unordered_map<std::type_index, void*> entries_;
};

}  // namespace rapport::app
