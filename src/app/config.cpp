#include "app/config.hpp"

namespace rapport::app {

std::string Config::database_url() const {
    if (!database.empty()) return database;
    return "sqlite:" + data_dir + "/rapport.db";
}

}  // namespace rapport::app
