import { z } from "zod";
import { expandParam, formString, formTimestamp, listParams } from "../params";

/** Stripe's test clocks API (/v1/test_helpers/test_clocks), form-encoded as its SDKs send it. */
export const createTestClockBody = z.strictObject({ frozen_time: formTimestamp, name: formString(200).optional(), expand: expandParam });
export const advanceTestClockBody = z.strictObject({ frozen_time: formTimestamp, expand: expandParam });
export const listTestClocksQuery = z.strictObject(listParams);
