/*
 * pycall: the floor of the in-process CPython patterns (jep-*, pemja-*). C
 * embeds CPython and calls a Python function through the C API, taking the GIL
 * before each call and releasing it after, as Jep and PEMJA do on every call
 * from a Java thread: both keep a PyThreadState per interpreter and wrap each
 * call in PyEval_AcquireThread(tstate) / PyEval_ReleaseThread(tstate). What a
 * jep or pemja echo at N = 0 costs above this is what the JVM side (JNI, the
 * conversion of Java objects, the binding's lookups) adds.
 *
 *   pycall [--call noop|echo] [--gil release|held] [--iterations N]
 *          [--warmup N] [--batch N] [--python PATH]
 *
 * --call noop: `def noop(): pass`, called with PyObject_CallNoArgs; the
 *   result must be None. echo: `def echo(x): return x`, called with
 *   PyObject_CallOneArg on an int made from a C long for the call (1000 to
 *   2023, outside CPython's cache of small ints, so it is allocated) and read
 *   back with PyLong_AsLong; the result must be that object and that value.
 *   A wrong answer ends the probe (exit 1): nothing unverified is timed.
 * --gil release (the default): each call is PyEval_AcquireThread, the call,
 *   the check, Py_DECREF, PyEval_ReleaseThread. held: the GIL is taken once
 *   and held throughout, so release - held is what the GIL hand-off costs.
 * --batch N (default 100): each sample times N consecutive calls, so the
 *   clock's own cost (tens of ns) is spread over them; --iterations samples
 *   (default 20000) after --warmup (default 2000).
 * --python PATH: the interpreter whose installation to embed, e.g. the
 *   project's venv python (its pyvenv.cfg gives the prefix and site-packages,
 *   as when PATH itself runs). The probe is linked against that Python's
 *   shared libpython. Without it, the prefix is libpython's own.
 *
 * Output: one line of JSON like pingpong's: mechanism "cpython", call, gil,
 * python (the version), median_ns, mean_ns, p10_ns, p90_ns, min_ns, p50_ns,
 * p99_ns, max_ns (per call: each sample divided by the batch), batch,
 * iterations. Exit status: 0 ok, 1 error (one line on stderr), 2 bad arguments.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "probe.h"

#define MAX_COUNT 1000000000L

static const char SOURCE[] = "def noop():\n"
                             "    pass\n"
                             "\n"
                             "def echo(x):\n"
                             "    return x\n";

static void usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "pycall: %s%s%s (usage: pycall [--call noop|echo] [--gil release|held] "
                    "[--iterations N] [--warmup N] [--batch N] [--python PATH])\n",
            msg, arg ? ": " : "", arg ? arg : "");
    exit(2);
}

static long parse_count(const char *s, long min)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < min || v > MAX_COUNT)
        usage_error("not a valid count", s);
    return v;
}

/* With the GIL held: one line saying what failed, with the Python exception if one is set. */
static void py_die(const char *what)
{
    char detail[200] = "";
    if (PyErr_Occurred()) {
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        PyObject *s = value ? PyObject_Str(value) : NULL;
        const char *text = s ? PyUnicode_AsUTF8(s) : NULL;
        snprintf(detail, sizeof detail, ": %s: %s", type ? ((PyTypeObject *)type)->tp_name : "error",
                 text ? text : "");
        /* Exception text is one line here; newlines would break the one-line contract. */
        for (char *c = detail; *c; c++)
            if (*c == '\n' || *c == '\r')
                *c = ' ';
        Py_XDECREF(s);
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(tb);
    }
    fprintf(stderr, "pycall: %s%s\n", what, detail);
    exit(1);
}

int main(int argc, char **argv)
{
    const char *call = "noop", *gil = "release", *python = NULL;
    long iterations = 20000, warmup = 2000, batch = 100;
    for (int i = 1; i < argc; i++) {
        const char *opt = argv[i];
        if (i + 1 >= argc)
            usage_error("missing value or unknown option", opt);
        const char *val = argv[++i];
        if (strcmp(opt, "--call") == 0) {
            if (strcmp(val, "noop") != 0 && strcmp(val, "echo") != 0)
                usage_error("unknown call", val);
            call = val;
        } else if (strcmp(opt, "--gil") == 0) {
            if (strcmp(val, "release") != 0 && strcmp(val, "held") != 0)
                usage_error("unknown GIL mode", val);
            gil = val;
        } else if (strcmp(opt, "--iterations") == 0) {
            iterations = parse_count(val, 1);
        } else if (strcmp(opt, "--warmup") == 0) {
            warmup = parse_count(val, 0);
        } else if (strcmp(opt, "--batch") == 0) {
            batch = parse_count(val, 1);
        } else if (strcmp(opt, "--python") == 0) {
            if (access(val, X_OK) != 0)
                usage_error("no executable interpreter at", val);
            python = val;
        } else {
            usage_error("unknown option", opt);
        }
    }
    int echo = strcmp(call, "echo") == 0;
    int release = strcmp(gil, "release") == 0;

    int64_t *samples = malloc(sizeof(int64_t) * (size_t)iterations);
    if (!samples) {
        fprintf(stderr, "pycall: malloc: %s\n", strerror(errno));
        return 1;
    }

    /* As an embedding JVM does: no signal handlers of CPython's, no argv parsing. */
    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    config.install_signal_handlers = 0;
    config.parse_argv = 0;
    PyStatus status = python ? PyConfig_SetBytesString(&config, &config.program_name, python) : PyStatus_Ok();
    if (!PyStatus_Exception(status))
        status = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    if (PyStatus_Exception(status)) {
        fprintf(stderr, "pycall: cannot start CPython: %s%s%s\n", status.func ? status.func : "",
                status.func ? ": " : "", status.err_msg ? status.err_msg : "failed");
        return 1;
    }

    PyObject *main_module = PyImport_AddModule("__main__"); /* borrowed */
    PyObject *globals = main_module ? PyModule_GetDict(main_module) : NULL;
    PyObject *defined = globals ? PyRun_String(SOURCE, Py_file_input, globals, globals) : NULL;
    if (!defined)
        py_die("cannot define noop and echo");
    Py_DECREF(defined);
    PyObject *fn = PyDict_GetItemString(globals, call); /* borrowed */
    if (!fn || !PyCallable_Check(fn))
        py_die("the function is not defined");
    Py_INCREF(fn);
    char version[32];
    snprintf(version, sizeof version, "%s", Py_GetVersion());
    version[strcspn(version, " ")] = '\0';

    /* The caller's thread state; the GIL is free from here on, as in a JVM between calls. */
    PyThreadState *ts = PyEval_SaveThread();
    if (!release)
        PyEval_AcquireThread(ts);

    unsigned long calls = 0;
    for (long k = -warmup; k < iterations; k++) {
        int64_t t0 = now_ns();
        for (long j = 0; j < batch; j++) {
            if (release)
                PyEval_AcquireThread(ts);
            if (echo) {
                long v = 1000 + (long)(calls++ & 1023);
                PyObject *arg = PyLong_FromLong(v);
                if (!arg)
                    py_die("cannot make the int argument");
                PyObject *r = PyObject_CallOneArg(fn, arg);
                if (!r)
                    py_die("echo(x) raised");
                if (r != arg || PyLong_AsLong(r) != v)
                    py_die("echo(x) did not return x");
                Py_DECREF(r);
                Py_DECREF(arg);
            } else {
                PyObject *r = PyObject_CallNoArgs(fn);
                if (!r)
                    py_die("noop() raised");
                if (r != Py_None)
                    py_die("noop() did not return None");
                Py_DECREF(r);
            }
            if (release)
                PyEval_ReleaseThread(ts);
        }
        int64_t t = now_ns() - t0;
        if (k >= 0)
            samples[k] = t;
    }

    if (release)
        PyEval_AcquireThread(ts);
    Py_DECREF(fn);
    if (Py_FinalizeEx() < 0) {
        fprintf(stderr, "pycall: CPython did not finalize cleanly\n");
        return 1;
    }

    printf("{\"mechanism\":\"cpython\",\"call\":\"%s\",\"gil\":\"%s\",\"python\":\"%s\",", call, gil, version);
    print_times_per(samples, iterations, batch);
    printf("\"batch\":%ld,\"iterations\":%ld}\n", batch, iterations);
    free(samples);
    return 0;
}
