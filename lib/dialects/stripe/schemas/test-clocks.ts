import { z } from "zod";
import { expandParam, formInteger, formString, formTimestamp } from "../params";

/** Stripe's test clocks API (/v1/test_helpers/test_clocks), form-encoded as its SDKs send it. */
export const createTestClockBody = z.strictObject({ frozen_time: formTimestamp, name: formString(300).optional(), expand: expandParam });
export const advanceTestClockBody = z.strictObject({ frozen_time: formTimestamp, expand: expandParam });
export const listTestClocksQuery = z.strictObject({ limit: formInteger(1, 100).optional(), expand: expandParam });
