import { expect, test } from "@playwright/test";

// Bad input in a URL or method gets a clear page in the user's language: never a 500, never a stack trace.
test("a malformed URL answers 400 in the user's language", async ({ request }) => {
  const response = await request.get("/%E0%A4%A", { headers: { "Accept-Language": "ja" } });
  expect(response.status()).toBe(400);
  const body = await response.text();
  expect(body).toContain("リクエストの内容に問題があります");
  expect(body).not.toMatch(/at .+\.(js|ts):\d+/);
});

test("posting to a page that takes no form answers 405, translated", async ({ request }) => {
  const response = await request.post("/", { headers: { "Accept-Language": "ko" }, form: { anything: "x" } });
  expect(response.status()).toBe(405);
  expect(await response.text()).toContain("여기에서는 할 수 없는 작업입니다");
});

test("the health route reports the database", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});
