// Helpers for tests that drive the real ledgerhost executable (LEDGERHOST_EXECUTABLE): scratch
// directories, files, one-shot runs through the shell or fork/exec, and a background process that a
// test waits on for a line of output and then stops with a signal.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/test_database.h"

#ifndef LEDGERHOST_EXECUTABLE
#error "tests using cli_runner.h need LEDGERHOST_EXECUTABLE (the path of the ledgerhost executable)"
#endif

extern char** environ;

namespace ledgerhost::cli_test {

namespace fs = std::filesystem;

struct Outcome {
  int exit_code = -1;  // the exit status, or -signal when the process was killed by a signal
  std::string out;
  std::string err;
};

inline std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

inline std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// A scratch directory per test, removed with everything in it afterwards.
class ScratchDir {
 public:
  ScratchDir() : path_(fs::temp_directory_path() / testing::UniqueName("ledgerhost_cli")) { fs::create_directories(path_); }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Runs `ledgerhost <args>` through the shell in `dir` (args are shell text: quote what needs it).
inline Outcome RunIn(const fs::path& dir, const std::string& args) {
  const fs::path out = dir / "cli.out";
  const fs::path err = dir / "cli.err";
  const std::string command = "cd " + ShellQuote(dir.string()) + " && " + ShellQuote(LEDGERHOST_EXECUTABLE) + " " +
                              args + " > " + ShellQuote(out.string()) + " 2> " + ShellQuote(err.string());
  const int status = std::system(command.c_str());
  Outcome outcome;
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  outcome.out = ReadFile(out);
  outcome.err = ReadFile(err);
  return outcome;
}

// Environment changes for a child: name -> value, or nullopt to remove the variable.
using EnvChanges = std::map<std::string, std::optional<std::string>>;

// ledgerhost started with fork/exec, no shell: argv exactly as given, stdout and stderr into files
// (so a chatty child never blocks on a full pipe), SIGINT/SIGTERM unblocked and at their defaults.
class Process {
 public:
  // `sigint_ignored`: the child starts with SIGINT ignored, as a non-interactive shell's `&` does.
  Process(const fs::path& working_dir, const fs::path& output_prefix, const std::vector<std::string>& args,
          const EnvChanges& env = {}, bool sigint_ignored = false)
      : out_path_(output_prefix.string() + ".out"), err_path_(output_prefix.string() + ".err") {
    std::vector<std::string> argv_text{LEDGERHOST_EXECUTABLE};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::map<std::string, std::string> environment;
    for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
      const std::string text(*entry);
      const auto eq = text.find('=');
      if (eq != std::string::npos) environment[text.substr(0, eq)] = text.substr(eq + 1);
    }
    for (const auto& [name, value] : env) {
      if (value) {
        environment[name] = *value;
      } else {
        environment.erase(name);
      }
    }
    std::vector<std::string> env_text;
    for (const auto& [name, value] : environment) env_text.push_back(name + "=" + value);
    // Everything the child needs is prepared before fork: after it only async-signal-safe calls.
    std::vector<char*> argv;
    for (auto& a : argv_text) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (auto& e : env_text) envp.push_back(e.data());
    envp.push_back(nullptr);
    const std::string dir = working_dir.string();
    sigset_t none;
    sigemptyset(&none);

    pid_ = fork();
    if (pid_ == -1) throw std::runtime_error(std::string("fork failed: ") + std::strerror(errno));
    if (pid_ == 0) {
      const int out = open(out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      const int err = open(err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (out < 0 || err < 0 || dup2(out, STDOUT_FILENO) < 0 || dup2(err, STDERR_FILENO) < 0) _exit(126);
      const int null_in = open("/dev/null", O_RDONLY);
      if (null_in >= 0) dup2(null_in, STDIN_FILENO);
      if (chdir(dir.c_str()) != 0) _exit(126);
      signal(SIGINT, sigint_ignored ? SIG_IGN : SIG_DFL);
      signal(SIGTERM, SIG_DFL);
      sigprocmask(SIG_SETMASK, &none, nullptr);
      execve(argv[0], argv.data(), envp.data());
      _exit(127);
    }
  }
  ~Process() {
    if (pid_ > 0 && !status_) {
      kill(pid_, SIGKILL);
      int status = 0;
      waitpid(pid_, &status, 0);
    }
  }
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  // Waits until stdout (stderr) contains `text` (true) or the process exits without printing it
  // (false). `guard` only stops a hung child from hanging the test; it is not a measurement.
  bool WaitForOutput(const std::string& text, std::chrono::seconds guard = std::chrono::seconds(180)) {
    return WaitFor(out_path_, text, guard);
  }
  bool WaitForError(const std::string& text, std::chrono::seconds guard = std::chrono::seconds(180)) {
    return WaitFor(err_path_, text, guard);
  }

  void Signal(int signal_number) {
    if (!status_) kill(pid_, signal_number);
  }

  // Waits for the process to exit (killing it after `guard`, which then fails the test through the
  // -SIGKILL exit code) and returns its outcome.
  Outcome Wait(std::chrono::seconds guard = std::chrono::seconds(180)) {
    const auto deadline = std::chrono::steady_clock::now() + guard;
    while (!Exited()) {
      if (std::chrono::steady_clock::now() > deadline) {
        kill(pid_, SIGKILL);
        int status = 0;
        waitpid(pid_, &status, 0);
        status_ = status;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    Outcome outcome;
    outcome.exit_code = WIFEXITED(*status_) ? WEXITSTATUS(*status_) : -WTERMSIG(*status_);
    outcome.out = ReadFile(out_path_);
    outcome.err = ReadFile(err_path_);
    return outcome;
  }

  std::string out() const { return ReadFile(out_path_); }
  std::string err() const { return ReadFile(err_path_); }
  pid_t pid() const { return pid_; }

 private:
  bool WaitFor(const std::string& path, const std::string& text, std::chrono::seconds guard) {
    const auto deadline = std::chrono::steady_clock::now() + guard;
    while (true) {
      if (ReadFile(path).find(text) != std::string::npos) return true;
      if (Exited()) return ReadFile(path).find(text) != std::string::npos;
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  bool Exited() {
    if (status_) return true;
    int status = 0;
    const pid_t rc = waitpid(pid_, &status, WNOHANG);
    if (rc == pid_) status_ = status;
    return status_.has_value();
  }

  pid_t pid_ = -1;
  std::string out_path_;
  std::string err_path_;
  std::optional<int> status_;
};

// Runs `ledgerhost <args>` to completion with fork/exec.
inline Outcome Run(const fs::path& working_dir, const fs::path& output_prefix, const std::vector<std::string>& args,
                   const EnvChanges& env = {}) {
  Process process(working_dir, output_prefix, args, env);
  return process.Wait();
}

}  // namespace ledgerhost::cli_test
