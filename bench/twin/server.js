// The twin's server: Express, compression and Remix's request handler, as the portal's server/index.ts has them.
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";

const dir = path.dirname(new URL(import.meta.url).pathname);
const build = await import(path.join(dir, "build/server/index.js"));
const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use("/assets", express.static(path.join(dir, "build/client/assets"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(dir, "build/client"), { maxAge: "1h" }));
app.all("*", createRequestHandler({ build, mode: "production" }));
app.listen(Number(process.env.PORT ?? 3001), "127.0.0.1", () => console.log("twin listening"));
