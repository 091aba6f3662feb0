import { api } from "./api.js";

const form = document.getElementById("login-form");
form.addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const data = new FormData(form);
  try {
    await api("/api/v1/auth/login", { method: "POST", body: { name: data.get("name"), password: data.get("password") } });
    // only same-site paths: an attacker's ?next= must not bounce a user elsewhere
    const next = new URLSearchParams(location.search).get("next") || "/";
    location.href = next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
  } catch (err) {
    const msg = document.getElementById("login-msg");
    msg.textContent = err.message;
    msg.className = "form-msg error";
  }
});
