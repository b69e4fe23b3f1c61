// Entry point of the admin window, which exists only while an admin is unlocked.
import { mount } from "svelte";
import "../lib/styles/global.css";
import AdminApp from "./AdminApp.svelte";

const target = document.getElementById("app");
if (!target) throw new Error("admin.html has an element with id 'app'");

// Marks for the start-up measurement (`tests/e2e/measure-dashboard.mjs`), and nothing else.
performance.mark("admin-script");
export default mount(AdminApp, { target });
