/* Wine 8 (Debian 12) has no bcryptprimitives.dll, whose ProcessPrng Rust's standard library calls
 * for random numbers on Windows, so no Rust test binary loads. This stand-in exports ProcessPrng
 * on top of RtlGenRandom (advapi32's SystemFunction036), which Wine has. Test runs only: it is
 * copied into the Wine prefix by .dev/test-windows.sh and never shipped. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
