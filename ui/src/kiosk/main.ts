// Entry point of the kiosk window: the first-run wizard and the locked home (signing station).
import { mount } from "svelte";
import "../lib/styles/global.css";
import KioskApp from "./KioskApp.svelte";

const target = document.getElementById("app");
if (!target) throw new Error("kiosk.html has an element with id 'app'");

export default mount(KioskApp, { target });
