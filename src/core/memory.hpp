#pragma once
// Handing freed heap memory back to the operating system after a large, rare job (a
// workspace duplicate scan holds hundreds of MB for a minute). glibc keeps what it freed for
// the next allocation otherwise, and the server's resident size would stay at the job's peak.
// Thread-safe; a no-op where the C library offers no way.
namespace rapport {

void release_free_memory();

}  // namespace rapport
